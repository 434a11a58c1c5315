<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnalysisPage</name>
    <message>
        <source>分析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从市民和部门的原话中找出大家真正关心的事。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文本与统计分析即将提供</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这里将按问卷题目、相关方群体、时间和研讨会切片，显示开放题的关键词、词云、情感倾向、场景归类和有代表性的原话（不显示个人信息）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现在即可在“报告”页导出 PDF 简报，其中包含市民开放题的词云和高频词。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldworkPage</name>
    <message>
        <source>实地采集</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在社区、办事大厅和机关现场收集答卷，离线也不丢一条。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现场采集功能即将提供</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这里将提供：全屏自助填答（信息亭）模式与访员代填模式，每个回答即时保存；为外业笔记本导出数据包、收回并按答卷编号合并，冲突由您裁决；导入问卷星、KoboToolbox 等工具的答卷，并检查数据质量。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项目已有 {n:,} 份答卷，可在“报告”页导出 Excel 台账查看原始数据。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>汇智 Huizhi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汇智</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>智慧城市需求调研</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>页面导航</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建项目(&amp;N)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开项目(&amp;O)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近的项目(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>创建演示项目(&amp;D)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出简报(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭项目(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>页面(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于汇智(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在打开 {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在打开项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汇智项目 (*{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在创建项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>创建演示项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>临江市演示项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成演示项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel 台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 PDF 简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出简报…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {n} 个文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于汇智</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;汇智 Huizhi {version}&lt;/h3&gt;&lt;p&gt;帮助城市在启动智慧城市项目时先倾听：收集市民、部门、企业和合作伙伴的需求，排出应用场景的优先级，形成可追溯的需求与简报。&lt;/p&gt;&lt;p&gt;界面字体：文泉驿微米黑（Apache-2.0）。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — 汇智</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目已打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（没有）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>概览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汇智：先倾听，再建设</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汇集市民、部门、企业和合作伙伴的需求：问卷与研讨会收集原话，分析找出共识与分歧，排出应用场景的优先级，并形成可追溯的需求规格与简报。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>创建演示项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近的项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效答卷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问卷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>套</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>研讨会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>研讨会参与者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>研讨会卡片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>候选应用场景</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各相关方参与情况（有效答卷）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各问卷答卷数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目文件：{path}    数据结构版本 {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>研讨会参与者：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有研讨会参与者。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrioritiesPage</name>
    <message>
        <source>优先级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>根据全部证据为候选应用场景排序，并说明排序有多稳。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>场景排序即将提供</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这里将汇总每个场景的证据（问卷需求、开放题归类、研讨会评分与投票、SWOT），用价值 × 紧迫性矩阵、加权评分、AHP、TOPSIS 等方法排序，按相关方群体分别比较，并检验权重变化时排序是否稳定。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项目的场景目录中有 {n} 个候选场景，分属 {d} 个领域。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>给决策者的材料：Excel 台账和 PDF 简报。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与情况（按问卷和相关方群体统计），每份问卷的原始答卷（一行一份答卷、一列一道题），以及题目说明。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>封面与调研概况，各相关方参与情况及图表，市民开放题词云与高频词。中文字体已嵌入，任何电脑都能正常显示。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同时导出 Excel 和 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将基于 {n:,} 份有效答卷和 {c:,} 张研讨会卡片生成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先打开一个项目。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequirementsPage</name>
    <message>
        <source>需求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把优先场景写成有量化指标、有责任部门、可追溯的需求。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需求规格即将提供</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这里将为排在前列的场景编写需求：量化指标（现状值、目标值、单位）、牵头部门、验证方式，并链接到支持它的答卷和研讨会卡片；没有来源或没有指标的需求会被标出。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>面向市民和部门的问卷：题目、版本与答卷数。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项目的问卷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问卷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>题目数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效答卷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有问卷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开一个项目，或创建演示项目来看看问卷和答卷的样子。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>即将提供</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问卷设计器（拖动排序、跳题逻辑、实时预览）、中文问卷模板，以及与 ODK、KoboToolbox 通用的 XLSForm 导入导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项目还没有问卷。问卷设计器与 XLSForm 导入即将提供。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkshopsPage</name>
    <message>
        <source>跨部门研讨会：谁参加了，提出了哪些痛点、需求、创意和风险。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>研讨会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主持人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卡片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卡片类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有研讨会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开一个项目，或创建演示项目来看看研讨会记录的样子。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>即将提供</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>键盘速记卡片（@部门 #类型 内容）、亲和图归类到场景、SWOT 分析、现场评分与投票、投影视图和会议纪要。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>痛点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>创意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项目还没有研讨会记录。卡片速记与亲和图即将提供。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
