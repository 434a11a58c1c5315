"""The `huizhi` command: the desktop app by default, subcommands for headless work.

    huizhi [PROJECT]                          open the app (on PROJECT if given)
    huizhi demo PATH [--responses N] [--seed S]
    huizhi info PATH [--json]
    huizhi export PATH [--xlsx OUT.xlsx] [--pdf OUT.pdf]
    huizhi screenshot PATH OUTDIR
    huizhi xlsform import PROJECT FILE.xlsx [--json]
    huizhi xlsform export PROJECT SURVEY OUT.xlsx
    huizhi survey list PROJECT [--json]
    huizhi survey show PROJECT SURVEY [--json]
    huizhi workshop list PROJECT [--json]
    huizhi workshop export PROJECT --session ID OUT.xlsx
    huizhi text segment [--json]              one text per line on stdin
    huizhi text classify [--project P] [--json]
    huizhi analyze PROJECT [--json]
    huizhi rank PROJECT [--json] [--top-k K] [--draws N] [--mode around|simplex] [--seed S]
    huizhi --version

Errors the user can act on print one message and exit with status 2.
Qt is imported only by the commands that need a window.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from workspace import __version__
from workspace.errors import HuizhiError
from workspace.progress import Progress

EXIT_USER_ERROR = 2

SUBCOMMANDS = ("gui", "demo", "info", "export", "screenshot", "xlsform", "survey", "capture", "responses", "package",
               "field", "keys", "workshop", "text", "analyze", "rank")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="huizhi",
        description="汇智 Huizhi：智慧城市需求调研、研讨会与分析。不带参数运行时打开桌面程序。",
        epilog="Run 'huizhi COMMAND --help' for one command's options.",
    )
    parser.add_argument("--version", action="version", version=f"huizhi {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desktop app (the default)", description="Open the desktop app.")
    gui.add_argument("project", nargs="?", type=Path, help="a .huizhi project to open")

    demo = commands.add_parser(
        "demo",
        help="write a demo project",
        description="Write a demo project for the fictional city 临江市: a citizen and a department "
        "survey with responses, and a cross-department workshop with participants and cards.",
    )
    demo.add_argument("path", type=Path, help="where to write the new .huizhi file (must not exist)")
    demo.add_argument(
        "--responses", type=_non_negative, default=500, metavar="N", help="citizen-survey responses (default 500)"
    )
    demo.add_argument("--seed", type=int, default=None, metavar="S", help="random seed, for a reproducible project")

    info = commands.add_parser("info", help="print a project's counts", description="Print a project's counts.")
    info.add_argument("path", type=Path, help="a .huizhi project")
    info.add_argument("--json", action="store_true", help="print one JSON object")

    export = commands.add_parser(
        "export",
        help="export the brief as Excel and/or PDF",
        description="Export the brief: an Excel register (participation, raw responses) and/or a PDF "
        "(cover, participation by stakeholder group, word cloud of citizens' open answers).",
    )
    export.add_argument("path", type=Path, help="a .huizhi project")
    export.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="write the Excel register here")
    export.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="write the PDF brief here")

    shot = commands.add_parser(
        "screenshot",
        help="render every main page to PNG files",
        description="Render every main page of the app on PROJECT offscreen to OUTDIR/<page>.png.",
    )
    shot.add_argument("path", type=Path, help="a .huizhi project")
    shot.add_argument("outdir", type=Path, help="folder for the PNG files (created if missing)")
    shot.add_argument("--size", default="1280x800", metavar="WxH", help="window size (default 1280x800)")

    xlsform = commands.add_parser(
        "xlsform", help="import or export XLSForm workbooks", description="XLSForm (ODK, KoboToolbox) in and out."
    )
    xlsform_commands = xlsform.add_subparsers(dest="action", metavar="ACTION", required=True)
    xin = xlsform_commands.add_parser(
        "import",
        help="add an XLSForm to a project",
        description="Add the survey in FILE.xlsx to PROJECT (the project file is created if it does not exist) "
        "and print its id. A form that is not valid XLSForm is refused with the sheet, row and column, "
        "exit status 2, and the project unchanged.",
    )
    xin.add_argument("project", type=Path, help="a .huizhi project (created if missing)")
    xin.add_argument("file", type=Path, help="the XLSForm workbook (.xlsx)")
    xin.add_argument("--json", action="store_true", help='print {"survey": ID, "questions": N, "warnings": [...]}')
    xout = xlsform_commands.add_parser(
        "export",
        help="write a survey as an XLSForm",
        description="Write SURVEY (id, form id or UUID) of PROJECT as an XLSForm that ODK and KoboToolbox accept.",
    )
    xout.add_argument("project", type=Path, help="a .huizhi project")
    xout.add_argument("survey", help="survey id, form id or UUID")
    xout.add_argument("out", type=Path, metavar="OUT.xlsx", help="the workbook to write")

    survey = commands.add_parser("survey", help="list and show surveys", description="List and show a project's surveys.")
    survey_commands = survey.add_subparsers(dest="action", metavar="ACTION", required=True)
    slist = survey_commands.add_parser("list", help="list the surveys", description="List the project's surveys.")
    slist.add_argument("project", type=Path, help="a .huizhi project")
    slist.add_argument("--json", action="store_true", help="print a JSON list of {id, title, version, questions}")
    sshow = survey_commands.add_parser(
        "show", help="show one survey", description="Show one survey: its questions, groups and choice lists."
    )
    sshow.add_argument("project", type=Path, help="a .huizhi project")
    sshow.add_argument("survey", help="survey id, form id or UUID")
    sshow.add_argument("--json", action="store_true", help="print the survey as one JSON object")

    capture = commands.add_parser(
        "capture",
        help="record answers from JSON lines on stdin",
        description='Scripted capture. Reads JSON lines on stdin: {"op":"new"}, '
        '{"op":"answer","response":UUID,"name":Q,"value":V}, {"op":"submit","response":UUID}. After each '
        'operation is durable on disk it prints one JSON line {"ack": OP, "response": UUID, ...} and flushes; '
        'an invalid operation prints {"error": ...} and changes nothing.',
    )
    capture.add_argument("project", type=Path, help="a .huizhi project")
    capture.add_argument("--survey", required=True, metavar="ID", help="survey id, form id or UUID")
    capture.add_argument("--collector", default="", metavar="NAME", help="who is collecting")

    responses = commands.add_parser("responses", help="dump or import responses", description="Responses in and out.")
    response_commands = responses.add_subparsers(dest="action", metavar="ACTION", required=True)
    dump = response_commands.add_parser(
        "dump",
        help="print every response as a JSON line",
        description='Print one JSON line per response: {"response": UUID, "survey": ID, "status": "draft"|"submitted", '
        '"answers": {NAME: VALUE, ...}}.',
    )
    dump.add_argument("project", type=Path, help="a .huizhi project")
    dump.add_argument("--survey", metavar="ID", help="only this survey (id, form id or UUID)")
    rimport = response_commands.add_parser(
        "import",
        help="import responses exported by other tools",
        description="Import a CSV (UTF-8, UTF-8 with BOM, GBK or GB18030, detected) or XLSX export of 问卷星, 腾讯问卷, "
        "KoboToolbox or ODK Central into SURVEY. Columns are matched to questions by name or label (or by "
        "--mapping); good rows are imported in one transaction and every problem is listed by row and column.",
    )
    rimport.add_argument("project", type=Path, help="a .huizhi project")
    rimport.add_argument("--survey", required=True, metavar="ID", help="survey id, form id or UUID")
    rimport.add_argument("file", type=Path, metavar="FILE", help="the .csv or .xlsx export")
    rimport.add_argument("--mapping", type=Path, metavar="MAP.json", help="column → question mapping to use")
    rimport.add_argument("--save-mapping", type=Path, metavar="MAP.json", help="write the mapping used, for reuse")
    rimport.add_argument("--json", action="store_true", help='print {"imported": N, "rejected": [{"row", "column", "value", "reason"}]}')

    package = commands.add_parser("package", help="field packages: export, collect, merge",
                                  description="Field packages between the master project and field laptops.")
    package_commands = package.add_subparsers(dest="action", metavar="ACTION", required=True)
    pexport = package_commands.add_parser(
        "export", help="write a survey package for field laptops",
        description="Write everything a field laptop needs to collect one survey into OUT.hzpkg.")
    pexport.add_argument("project", type=Path, help="the master .huizhi project")
    pexport.add_argument("--survey", required=True, metavar="ID", help="survey id, form id or UUID")
    pexport.add_argument("out", type=Path, metavar="OUT.hzpkg")
    pexport.add_argument("--public-key", type=Path, metavar="KEY.pem",
                         help="seal responses on the laptops for this key (see `huizhi keys create`)")
    pcollect = package_commands.add_parser(
        "collect", help="write a field laptop's responses",
        description="Write the field project's submitted responses into OUT.hzdata for the master.")
    pcollect.add_argument("field", type=Path, metavar="FIELD.huizhi")
    pcollect.add_argument("out", type=Path, metavar="OUT.hzdata")
    pmerge = package_commands.add_parser(
        "merge", help="merge field data into the master",
        description="Merge .hzdata packages into the master, keyed by response UUID; a backup is taken first. "
        "Merging the same packages again adds nothing.")
    pmerge.add_argument("master", type=Path, metavar="MASTER.huizhi")
    pmerge.add_argument("packages", type=Path, nargs="+", metavar="IN.hzdata")
    pmerge.add_argument("--json", action="store_true",
                        help='print {"added": N, "unchanged": N, "updated": N, "conflicts": N, "rejected": N}')
    pmerge.add_argument("--private-key", type=Path, metavar="KEY.pem", help="the master's private key, for sealed data")
    pmerge.add_argument("--passphrase-env", default="HUIZHI_PASSPHRASE", metavar="VAR",
                        help="environment variable holding the key's passphrase (default HUIZHI_PASSPHRASE; "
                        "asked for when unset)")

    field = commands.add_parser("field", help="field laptop projects", description="Field laptop projects.")
    field_commands = field.add_subparsers(dest="action", metavar="ACTION", required=True)
    fcreate = field_commands.add_parser(
        "create", help="create a field project from a survey package",
        description="Create the field laptop's own project FIELD.huizhi from IN.hzpkg.")
    fcreate.add_argument("package", type=Path, metavar="IN.hzpkg")
    fcreate.add_argument("field", type=Path, metavar="FIELD.huizhi")

    keys = commands.add_parser("keys", help="key pairs for sealed responses", description="Key pairs for sealed responses.")
    key_commands = keys.add_subparsers(dest="action", metavar="ACTION", required=True)
    kcreate = key_commands.add_parser(
        "create", help="create a key pair",
        description="Create an X25519 key pair: PRIVATE.pem encrypted with a passphrase, PUBLIC.pem for field packages.")
    kcreate.add_argument("private", type=Path, metavar="PRIVATE.pem")
    kcreate.add_argument("public", type=Path, metavar="PUBLIC.pem")
    kcreate.add_argument("--passphrase-env", default="HUIZHI_PASSPHRASE", metavar="VAR",
                         help="environment variable holding the passphrase (asked for when unset)")
    workshop = commands.add_parser("workshop", help="list workshop sessions and export their minutes",
                                   description="List a project's workshop sessions and export a session's minutes.")
    workshop_commands = workshop.add_subparsers(dest="action", metavar="ACTION", required=True)
    wlist = workshop_commands.add_parser("list", help="list the sessions", description="List the workshop sessions.")
    wlist.add_argument("project", type=Path, help="a .huizhi project")
    wlist.add_argument("--json", action="store_true",
                       help="print a JSON list of {id, title, date, participants, cards, scenarios, ...}")
    wexport = workshop_commands.add_parser(
        "export", help="write a session's minutes as Excel",
        description="Write the minutes of one session as a workbook: participants, cards (author, department, "
        "group, kind, scenario, tags), SWOT, scores (raw and by group), votes, decisions, actions and conflicts.")
    wexport.add_argument("project", type=Path, help="a .huizhi project")
    wexport.add_argument("--session", required=True, metavar="ID", help="session id, UUID or title")
    wexport.add_argument("out", type=Path, metavar="OUT.xlsx", help="the workbook to write")

    text = commands.add_parser("text", help="segment and classify Chinese texts",
                               description="Chinese text tools. Each reads one text per line on stdin (UTF-8) "
                               "and prints one line per text, in order.")
    text_commands = text.add_subparsers(dest="action", metavar="ACTION", required=True)
    tsegment = text_commands.add_parser(
        "segment", help="print each text's content terms",
        description="Print each text's content terms, with the bundled dictionary, stopwords and synonyms applied. "
        "Large inputs are cut on every core.")
    tsegment.add_argument("--json", action="store_true", help="a JSON list per line (default: terms separated by spaces)")
    tclassify = text_commands.add_parser(
        "classify", help="print each text's domain and scenario",
        description='Classify each text into the scenario catalogue. With --json each line is '
        '{"domain": CODE, "scenario": CODE, "confidence": X, ...}; domain and scenario are null when unclassified.')
    tclassify.add_argument("--project", type=Path, metavar="PROJECT",
                           help="use this project's catalogue, words and hand codes (default: the bundled ones)")
    tclassify.add_argument("--json", action="store_true", help="one JSON object per line")

    analyze = commands.add_parser(
        "analyze", help="run the text analysis on a project",
        description="Segment (cached), classify and summarise every open answer and card of a project: keywords per "
        "stakeholder group, classification shares, sentiment. Progress goes to stderr.")
    analyze.add_argument("project", type=Path, help="a .huizhi project")
    analyze.add_argument("--json", action="store_true", help="print one JSON object")

    rank = commands.add_parser(
        "rank", help="rank the candidate scenarios from all the evidence",
        description="Rank the project's scenarios with its saved model (weights, normalisation, group weights): "
        "score, value x urgency quadrant, per-group ranks, probability of staying in the top k under a Monte Carlo "
        "of the weights, and the conventions used. Evidence is cached in the project; progress goes to stderr.")
    rank.add_argument("project", type=Path, help="a .huizhi project")
    rank.add_argument("--json", action="store_true", help="print one JSON object")
    rank.add_argument("--top-k", type=_positive, help="the top k whose stability is checked (saved model: 5)")
    rank.add_argument("--draws", type=_positive, help="Monte Carlo draws (saved model: 1000)")
    rank.add_argument("--mode", choices=("around", "simplex"), help="draw weights around the chosen ones, "
                      "or uniformly on the simplex")
    rank.add_argument("--seed", type=_non_negative, help="random seed of the draws")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
        argv = ["gui", *argv]  # `huizhi` and `huizhi PROJECT` open the app
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except HuizhiError as err:
        print(f"huizhi: {err.text(_lang())}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("huizhi: 已中断 (interrupted)", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


def _gui(args: argparse.Namespace) -> int:
    from .app import run_app

    return run_app(args.project)


def _demo(args: argparse.Namespace) -> int:
    from analysis.demo import generate_demo

    started = time.perf_counter()
    path = generate_demo(args.path, responses=args.responses, seed=args.seed, progress=_stderr_progress("demo"))
    print(f"{path}  ({time.perf_counter() - started:.1f} s, {path.stat().st_size / 1e6:.1f} MB)")
    return 0


def _info(args: argparse.Namespace) -> int:
    from analysis.overview import summarize
    from workspace.project import open_project

    with open_project(args.path, check="quick") as project:
        summary = summarize(project)
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
        return 0
    lines = [
        summary.title,
        f"  项目文件      {summary.path}",
        f"  数据结构版本  {summary.schema_version}",
        f"  问卷          {summary.surveys}",
        f"  有效答卷      {summary.responses}",
        f"  研讨会        {summary.sessions}",
        f"  参与者        {summary.participants}",
        f"  卡片          {summary.cards}",
        f"  候选场景      {summary.scenarios}（{summary.domains} 个领域）",
        "  各相关方答卷：",
        *(f"    {g.name.zh:<8} {g.responses:>8}" for g in summary.groups),
    ]
    print("\n".join(lines))
    return 0


def _export(args: argparse.Namespace) -> int:
    from analysis.export import export_brief
    from workspace.project import open_project

    if args.xlsx is None and args.pdf is None:
        print("huizhi export: 请至少指定 --xlsx 或 --pdf (give --xlsx, --pdf or both)", file=sys.stderr)
        return EXIT_USER_ERROR
    with open_project(args.path) as project:
        written = export_brief(project, xlsx=args.xlsx, pdf=args.pdf, progress=_stderr_progress("export"))
    for path in written:
        print(path)
    return 0


def _screenshot(args: argparse.Namespace) -> int:
    from .screenshot import take_screenshots

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"huizhi screenshot: --size must look like 1280x800, not {args.size!r}", file=sys.stderr)
        return EXIT_USER_ERROR
    for path in take_screenshots(args.path, args.outdir, size=(width, height)):
        print(path)
    return 0


def _xlsform(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _xlsform_import(args)
    return _xlsform_export(args)


def _xlsform_import(args: argparse.Namespace) -> int:
    """Read and check the form first, so a refused form leaves no project file behind."""
    from survey.store import create_survey
    from survey.xlsform import read_xlsform
    from workspace.project import create_project, open_project

    result = read_xlsform(args.file)
    project = open_project(args.project) if args.project.exists() else create_project(args.project)
    with project:
        survey_id = create_survey(project, result.definition, strict=False)
    if args.json:
        print(json.dumps({"survey": survey_id, "questions": len(result.definition.questions),
                          "warnings": result.warnings}, ensure_ascii=False))
    else:
        print(survey_id)
        for warning in result.warnings:
            print(f"提示 (warning): {warning}", file=sys.stderr)
    return 0


def _xlsform_export(args: argparse.Namespace) -> int:
    from survey.store import find_survey, load_definition
    from survey.xlsform_out import write_xlsform
    from workspace.catalogue import list_scenarios
    from workspace.project import open_project

    with open_project(args.project) as project:
        definition = load_definition(project, find_survey(project, args.survey))
        names = {s.code: _text(s.name) for s in list_scenarios(project, include_retired=True)}
    print(write_xlsform(definition, args.out, scenario_names=names))
    return 0


def _survey(args: argparse.Namespace) -> int:
    from survey.describe import describe_survey
    from survey.store import find_survey, list_surveys, load_definition
    from workspace.project import open_project

    with open_project(args.project) as project:
        if args.action == "list":
            surveys = [
                {"id": s.id, "title": s.title.zh, "version": s.version, "questions": s.questions,
                 "responses": s.responses, "form_id": s.code, "uuid": s.uuid}
                for s in list_surveys(project)
            ]
            if args.json:
                print(json.dumps(surveys, ensure_ascii=False))
            else:
                for s in surveys:
                    print(f"{s['id']:>4}  v{s['version']}  {s['questions']:>4} 题  {s['responses']:>7} 份  {s['title']}")
            return 0
        survey_id = find_survey(project, args.survey)
        version = project.db.conn.execute("SELECT current_version FROM surveys WHERE id = ?", [survey_id]).fetchone()[0]
        shown = describe_survey(load_definition(project, survey_id), survey_id=survey_id, version=version)
    if args.json:
        print(json.dumps(shown, ensure_ascii=False))
    else:
        print(f"{shown['title']}  (id {survey_id}, v{version}, {len(shown['questions'])} 题)")
        for q in shown["questions"]:
            label = q["label"] if isinstance(q["label"], str) else next(iter((q["label"] or {"": ""}).values()))
            print(f"  {q['path']:<40} {q['type']:<16} {label or ''}")
    return 0


def _capture(args: argparse.Namespace) -> int:
    """One JSON line in, one JSON line out, each answer on disk before its acknowledgement."""
    from survey.capture import Capture, CaptureError, to_json_line
    from survey.store import find_survey
    from workspace.project import open_project

    with open_project(args.project) as project:
        capture = Capture(project, find_survey(project, args.survey), collector=args.collector)
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
                reply = _capture_op(capture, request)
            except (CaptureError, HuizhiError) as err:
                reply = {"error": err.text(_lang()), "op": _op_name(line)}
            except (ValueError, KeyError, TypeError) as err:
                reply = {"error": f"无效的操作 (invalid operation): {err}", "op": _op_name(line)}
            sys.stdout.write(to_json_line(reply) + "\n")
            sys.stdout.flush()
    return 0


def _capture_op(capture, request: dict) -> dict:
    op = request.get("op")
    if op == "new":
        uuid = capture.new(stakeholder_group=request.get("stakeholder_group"), uuid=request.get("response"))
        return {"ack": "new", "response": uuid}
    if op == "answer":
        uuid, name, value = request["response"], request["name"], request.get("value", "")
        capture.answer(uuid, name, "" if value is None else str(value))
        return {"ack": "answer", "response": uuid, "name": name, "value": value}
    if op == "submit":
        capture.submit(request["response"])
        return {"ack": "submit", "response": request["response"]}
    raise ValueError(f"unknown op {op!r}")


def _op_name(line: str) -> str | None:
    try:
        return json.loads(line).get("op")
    except (ValueError, AttributeError):
        return None


def _responses(args: argparse.Namespace) -> int:
    from survey.capture import dump_responses, to_json_line
    from survey.store import find_survey
    from workspace.project import open_project

    if args.action == "import":
        return _responses_import(args)
    with open_project(args.project) as project:
        survey_id = find_survey(project, args.survey) if args.survey else None
        for record in dump_responses(project, survey_id):
            sys.stdout.write(to_json_line(record) + "\n")
    return 0


def _responses_import(args: argparse.Namespace) -> int:
    from survey import importer
    from survey.store import find_survey, load_definition
    from workspace.project import open_project

    with open_project(args.project) as project:
        survey_id = find_survey(project, args.survey)
        definition = load_definition(project, survey_id)
        table = importer.read_table(args.file)
        mapping = importer.load_mapping(args.mapping) if args.mapping else importer.propose_mapping(definition, table.headers)
        if args.save_mapping:
            importer.save_mapping(mapping, args.save_mapping)
        checked = importer.check_rows(definition, table, mapping)
        result = importer.import_rows(project, survey_id, checked, source=args.file.name)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print(f"导入 {result.imported} 份答卷，跳过已导入的 {result.duplicates} 份，{len(result.rejected)} 处问题。")
        for problem in result.rejected:
            print(f"  第 {problem.row} 行 {problem.column}：{problem.value!r} — {problem.reason}", file=sys.stderr)
    return 0


def _package(args: argparse.Namespace) -> int:
    from survey import package
    from survey.store import find_survey
    from workspace.project import open_project

    if args.action == "export":
        with open_project(args.project) as project:
            key = args.public_key.read_bytes() if args.public_key else None
            print(package.export_field_package(project, find_survey(project, args.survey), args.out, public_key_pem=key))
        return 0
    if args.action == "collect":
        with open_project(args.field) as project:
            print(package.collect(project, args.out))
        return 0
    key = args.private_key.read_bytes() if args.private_key else None
    with open_project(args.master) as project:
        passphrase = _passphrase(args.passphrase_env) if key else ""
        summary = package.merge(project, args.packages, private_key_pem=key, passphrase=passphrase)
    if args.json:
        print(json.dumps(summary.to_json()))
    else:
        print("新增 {added}，未变 {unchanged}，更新 {updated}，冲突 {conflicts}，拒收 {rejected}".format(**summary.to_json()))
        for reason in summary.reasons:
            print(f"  拒收：{reason}", file=sys.stderr)
        print(f"合并前的备份：{summary.backup}", file=sys.stderr)
    return 0


def _field(args: argparse.Namespace) -> int:
    from survey.package import create_field_project

    print(create_field_project(args.package, args.field))
    return 0


def _keys(args: argparse.Namespace) -> int:
    from survey.sealing import create_keys

    create_keys(args.private, args.public, _passphrase(args.passphrase_env, confirm=True))
    print(args.public)
    return 0


def _passphrase(variable: str, *, confirm: bool = False) -> str:
    import getpass
    import os

    value = os.environ.get(variable)
    if value is not None:
        return value
    first = getpass.getpass("口令 (passphrase): ")
    if confirm and getpass.getpass("再输入一次 (again): ") != first:
        raise HuizhiError("两次输入的口令不一致。", "The passphrases do not match.")
    return first


def _text(local):
    from survey.model import Text

    return Text.of(local.zh, local.en)


def _workshop(args: argparse.Namespace) -> int:
    from workshop.store import find_session, session_counts
    from workspace.project import open_project

    with open_project(args.project) as project:
        if args.action == "list":
            sessions = session_counts(project)
            if args.json:
                print(json.dumps(sessions, ensure_ascii=False))
            else:
                for s in sessions:
                    print(f"{s['id']:>4}  {s['date'] or '----------'}  {s['participants']:>3} 人  {s['cards']:>4} 张卡片  "
                          f"{s['scenarios']:>3} 个场景  {s['title']}")
            return 0
        from analysis.export.minutes import write_minutes

        print(write_minutes(project, find_session(project, args.session), args.out))
    return 0


def _stdin_lines() -> list[str]:
    data = sys.stdin.buffer.read().decode("utf-8-sig", errors="replace")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def _text_command(args: argparse.Namespace) -> int:
    lines = _stdin_lines()
    out = sys.stdout
    if args.action == "segment":
        import orjson

        from analysis.text.segment import segment_lines

        for terms in segment_lines(lines):
            out.write(orjson.dumps(terms).decode() if args.json else " ".join(terms))
            out.write("\n")
        return 0
    from analysis.text.classify import TextClassifier

    if args.project is None:
        classifier = TextClassifier.bundled()
    else:
        from analysis.text.corpus import load_corpus
        from workspace.project import open_project

        with open_project(args.project) as project:
            classifier = TextClassifier.from_project(project, load_corpus(project).documents)
    for result in classifier.classify(lines):
        if args.json:
            out.write(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            out.write(f"{result.domain or '-'}\t{result.scenario or '-'}\t{result.confidence:.2f}")
        out.write("\n")
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from analysis.text.analysis import TextAnalysis
    from workspace.project import open_project

    with open_project(args.project) as project:
        summary = TextAnalysis(project, progress=_stderr_progress("analyze")).summary()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    print(f"文本 {summary['texts']} 条（不同文本 {summary['distinct_texts']}，本次分词 {summary['segmented']}）")
    print("各相关方关键词：")
    for group in summary["keywords_by_group"].values():
        words = "、".join(k["term"] for k in group["keywords"])
        print(f"  {group['name']}（{group['texts']} 条）：{words}")
    print("领域归类：")
    for d in summary["domains"].values():
        print(f"  {d['name']:<10} {d['texts']:>7}  {d['share'] * 100:5.1f}%")
    s = summary["sentiment"]
    print(f"情感：负面 {s['negative']}，中性 {s['neutral']}，正面 {s['positive']}")
    return 0


def _rank(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from analysis.priorities.evidence import gather_evidence
    from analysis.priorities.model import load_model
    from analysis.priorities.ranking import rank_scenarios, ranking_json
    from workspace.project import open_project

    with open_project(args.project, check="quick") as project:
        evidence = gather_evidence(project, progress=_stderr_progress("rank"))
        model = load_model(project)
    changes = {key: getattr(args, key) for key in ("top_k", "draws", "mode", "seed") if getattr(args, key) is not None}
    model = replace(model, **changes)
    model.check()
    result = ranking_json(rank_scenarios(evidence, model))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    groups = [g["code"] for g in result["groups"]]
    names = {g["code"]: g["name"] for g in result["groups"]}
    print(f"排名  {'场景':<14} 得分   象限      前{result['top_k']}概率  名次区间  " + "  ".join(names[g] for g in groups))
    for row in result["ranking"]:
        ranks = "  ".join(f"{row['group_ranks'].get(g) or '-':>{len(names[g]) * 2}}" for g in groups)
        interval = "{}–{}".format(*row["rank_interval"])
        label = "稳定" if row["robustness"] == "stable" else "易变"
        print(f"{row['rank']:>4}  {row['name']:<14} {row['score']:.3f}  {row['quadrant_name'] or '-':<8} "
              f"{row['top_k_probability'] * 100:5.1f}% {label}  {interval:>7}  {ranks}")
    print("权重：" + "，".join(f"{c['name']} {c['weight'] * 100:.1f}%" for c in result["criteria"] if c["weight"]))
    flagged = [d for d in result["disagreements"] if d["flagged"]]
    if flagged:
        print("群体分歧：" + "；".join(f"{d['scenario']} {names[d['high_group']]}第{d['high_rank']}、"
                                      f"{names[d['low_group']]}第{d['low_rank']}" for d in flagged))
    return 0


_COMMANDS = {
    "gui": _gui,
    "demo": _demo,
    "info": _info,
    "export": _export,
    "screenshot": _screenshot,
    "xlsform": _xlsform,
    "survey": _survey,
    "capture": _capture,
    "responses": _responses,
    "package": _package,
    "field": _field,
    "keys": _keys,
    "workshop": _workshop,
    "text": _text_command,
    "analyze": _analyze,
    "rank": _rank,
}


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _stderr_progress(task: str) -> Progress:
    """Progress on stderr, one line per 10 % step, so that logs stay readable."""
    last = [-1]

    def report(fraction: float, message: str) -> None:
        step = int(fraction * 10)
        if step > last[0]:
            last[0] = step
            print(f"{task}: {step * 10:3d}%  {message}", file=sys.stderr, flush=True)

    return report


def _lang() -> str:
    from .settings import ui_language

    return ui_language()


if __name__ == "__main__":
    sys.exit(main())
