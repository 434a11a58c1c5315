<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>添加题目</source>
        <translation>Add Question</translation>
    </message>
    <message>
        <source>矩阵题（多行共用一个量表）</source>
        <translation>Matrix (rows sharing one scale)</translation>
    </message>
    <message>
        <source>添加分组</source>
        <translation>Add Section</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>共 {n} 题</source>
        <translation>{n} questions</translation>
    </message>
    <message>
        <source>有 {n} 处问题，修正后自动保存</source>
        <translation>{n} problem(s); saved automatically once fixed</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存（第 {v} 版）</source>
        <translation>Saved (version {v})</translation>
    </message>
    <message>
        <source>✗ 第 {n} 个字符：{message}</source>
        <translation>✗ At character {n}: {message}</translation>
    </message>
    <message>
        <source>✗ 没有这些题目：{names}</source>
        <translation>✗ No such questions: {names}</translation>
    </message>
    <message>
        <source>✓ 引用：{names}</source>
        <translation>✓ Reads: {names}</translation>
    </message>
    <message>
        <source>✓ 表达式有效</source>
        <translation>✓ Valid expression</translation>
    </message>
    <message>
        <source>属性</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>逻辑</source>
        <translation>Logic</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Choices</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>题型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>重复组</source>
        <translation>Repeated section</translation>
    </message>
    <message>
        <source>分组类型</source>
        <translation>Section kind</translation>
    </message>
    <message>
        <source>题目（中文）</source>
        <translation>Question (Chinese)</translation>
    </message>
    <message>
        <source>题目（英文）</source>
        <translation>Question (English)</translation>
    </message>
    <message>
        <source>提示（中文）</source>
        <translation>Hint (Chinese)</translation>
    </message>
    <message>
        <source>提示（英文）</source>
        <translation>Hint (English)</translation>
    </message>
    <message>
        <source>必答</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>必答提示（中文）</source>
        <translation>Required message (Chinese)</translation>
    </message>
    <message>
        <source>允许选“其他”并填写</source>
        <translation>Allow “Other, specify”</translation>
    </message>
    <message>
        <source>只读（只显示，不可作答）</source>
        <translation>Read-only (shown, not answered)</translation>
    </message>
    <message>
        <source>外观</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>重复次数</source>
        <translation>Repeat count</translation>
    </message>
    <message>
        <source>打分的场景</source>
        <translation>Scenarios to score</translation>
    </message>
    <message>
        <source>例如 ${commutes} = &apos;yes&apos;</source>
        <translation>e.g. ${commutes} = &apos;yes&apos;</translation>
    </message>
    <message>
        <source>显示条件</source>
        <translation>Show when</translation>
    </message>
    <message>
        <source>例如 . &gt;= 0 and . &lt;= 120</source>
        <translation>e.g. . &gt;= 0 and . &lt;= 120</translation>
    </message>
    <message>
        <source>校验规则</source>
        <translation>Constraint</translation>
    </message>
    <message>
        <source>校验提示（中文）</source>
        <translation>Constraint message (Chinese)</translation>
    </message>
    <message>
        <source>校验提示（英文）</source>
        <translation>Constraint message (English)</translation>
    </message>
    <message>
        <source>留空表示按“必答”勾选；也可写条件，如 ${age} &gt;= 18</source>
        <translation>Empty: use the Required box; or a condition such as ${age} &gt;= 18</translation>
    </message>
    <message>
        <source>必答条件</source>
        <translation>Required when</translation>
    </message>
    <message>
        <source>例如 ${minutes} div 60</source>
        <translation>e.g. ${minutes} div 60</translation>
    </message>
    <message>
        <source>计算公式</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <source>例如 district = ${district}</source>
        <translation>e.g. district = ${district}</translation>
    </message>
    <message>
        <source>选项过滤</source>
        <translation>Choice filter</translation>
    </message>
    <message>
        <source>默认值</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>表达式使用 XLSForm 语法：${题目名称} 引用其他题目，. 表示本题的答案，selected(${题目}, &apos;选项&apos;) 判断多选，and / or / not() 组合条件。输入时即检查，有误的表达式不会被应用。</source>
        <translation>Expressions use XLSForm syntax: ${name} reads another question, . is this question&apos;s answer, selected(${question}, &apos;choice&apos;) tests a multiple choice, and / or / not() combine conditions. Expressions are checked as you type; an invalid one is not applied.</translation>
    </message>
    <message>
        <source>选项值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <source>英文</source>
        <translation>English</translation>
    </message>
    <message>
        <source>添加选项</source>
        <translation>Add Choice</translation>
    </message>
    <message>
        <source>删除选项</source>
        <translation>Remove Choice</translation>
    </message>
    <message>
        <source>此题没有选项列表。</source>
        <translation>This question has no choice list.</translation>
    </message>
    <message>
        <source>选项列表 {name}，共 {n} 道题使用：{users}。修改会作用于所有使用它的题目。</source>
        <translation>Choice list {name}, used by {n} question(s): {users}. Changes apply to all of them.</translation>
    </message>
    <message>
        <source>名称须以字母或下划线开头，只能包含字母、数字、下划线、连字符和点。</source>
        <translation>A name starts with a letter or underscore and contains only letters, digits, underscores, hyphens and periods.</translation>
    </message>
    <message>
        <source>已有同名的题目或分组。</source>
        <translation>A question or section already has this name.</translation>
    </message>
    <message>
        <source>新选项</source>
        <translation>New choice</translation>
    </message>
    <message>
        <source>在此作答</source>
        <translation>Answer here</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>价值（1–5）</source>
        <translation>Value (1–5)</translation>
    </message>
    <message>
        <source>紧迫性（1–5）</source>
        <translation>Urgency (1–5)</translation>
    </message>
    <message>
        <source>重新开始</source>
        <translation>Start Over</translation>
    </message>
    <message>
        <source>当前显示 {n} / {total} 题</source>
        <translation>Showing {n} of {total} questions</translation>
    </message>
    <message>
        <source>题目</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>问卷结构</source>
        <translation>Survey structure</translation>
    </message>
    <message>
        <source>单选题</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>多选题</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <source>李克特量表</source>
        <translation>Likert scale</translation>
    </message>
    <message>
        <source>0–10 评分（NPS）</source>
        <translation>Rating 0–10 (NPS)</translation>
    </message>
    <message>
        <source>排序题</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>场景价值与紧迫性打分表</source>
        <translation>Scenario value and urgency grid</translation>
    </message>
    <message>
        <source>Kano 题（成对）</source>
        <translation>Kano pair</translation>
    </message>
    <message>
        <source>文本</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>Integer</translation>
    </message>
    <message>
        <source>小数</source>
        <translation>Decimal</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>说明文字</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>知情同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>相关方群体</source>
        <translation>Stakeholder group</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>计算</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <source>日期时间</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>录音</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>单选（外部选项文件）</source>
        <translation>Single choice (external file)</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>不含个人信息</source>
        <translation>No personal data</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>AhpDialog</name>
    <message>
        <source>用 AHP 确定证据来源的权重</source>
        <translation>Weigh the evidence sources by AHP</translation>
    </message>
    <message>
        <source>两两比较证据来源对排序的重要程度（Saaty 1–9 标度）。得到的权重再按当前比例分给每个来源下的各项证据。</source>
        <translation>Compare the evidence sources two at a time (Saaty&apos;s 1–9 scale). Each source&apos;s weight is then shared among its criteria in their current proportions.</translation>
    </message>
    <message>
        <source>同等重要（1）</source>
        <translation>Equally important (1)</translation>
    </message>
    <message>
        <source>{a} 与 {b}</source>
        <translation>{a} against {b}</translation>
    </message>
    <message>
        <source>随机一致性指标：Saaty 1980</source>
        <translation>Random index: Saaty 1980</translation>
    </message>
    <message>
        <source>随机一致性指标：Alonso 与 Lamata 2006</source>
        <translation>Random index: Alonso &amp; Lamata 2006</translation>
    </message>
    <message>
        <source>应用这些权重</source>
        <translation>Apply these weights</translation>
    </message>
    <message>
        <source>稍微重要</source>
        <translation> moderately more important</translation>
    </message>
    <message>
        <source>明显重要</source>
        <translation> strongly more important</translation>
    </message>
    <message>
        <source>强烈重要</source>
        <translation> very strongly more important</translation>
    </message>
    <message>
        <source>极端重要</source>
        <translation> extremely more important</translation>
    </message>
    <message>
        <source>中间值</source>
        <translation> (intermediate)</translation>
    </message>
    <message>
        <source>{name}{word}（{v}）</source>
        <translation>{name}{word} ({v})</translation>
    </message>
    <message>
        <source>CR 超过 0.1：判断前后矛盾，请调整</source>
        <translation>CR above 0.1: the judgements contradict each other; revise them</translation>
    </message>
    <message>
        <source>一致性可以接受</source>
        <translation>consistent enough</translation>
    </message>
    <message>
        <source>权重：{shares}&lt;br&gt;λmax = {l:.3f}，CI = {ci:.3f}，CR = {cr:.3f}：{verdict}</source>
        <translation>Weights: {shares}&lt;br&gt;λmax = {l:.3f}, CI = {ci:.3f}, CR = {cr:.3f}: {verdict}</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>词云</source>
        <translation>Word cloud</translation>
    </message>
    <message>
        <source>场景归类</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>原话与情感</source>
        <translation>Quotes and sentiment</translation>
    </message>
    <message>
        <source>共现</source>
        <translation>Co-occurrence</translation>
    </message>
    <message>
        <source>词典</source>
        <translation>Dictionary</translation>
    </message>
    <message>
        <source>分析</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>从市民和部门的原话中找出大家真正关心的事：关键词、词云、场景归类、原话与情感。</source>
        <translation>Find what people really care about in the words of citizens and departments: keywords, word cloud, classification, quotes and sentiment.</translation>
    </message>
    <message>
        <source>文本来源：问卷题目或研讨会卡片</source>
        <translation>Texts: a survey question or workshop cards</translation>
    </message>
    <message>
        <source>相关方群体</source>
        <translation>Stakeholder group</translation>
    </message>
    <message>
        <source>研讨会</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>关键词算法</source>
        <translation>Keyword method</translation>
    </message>
    <message>
        <source>TF-IDF</source>
        <translation>TF-IDF</translation>
    </message>
    <message>
        <source>在这部分文本里常见、在全部文本里少见的词排在前面</source>
        <translation>Words common in these texts and rare in all texts come first</translation>
    </message>
    <message>
        <source>TextRank</source>
        <translation>TextRank</translation>
    </message>
    <message>
        <source>和很多其他词一起出现的词排在前面</source>
        <translation>Words that occur with many other words come first</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>To</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>{name}（最早的日期＝不限）</source>
        <translation>{name} (the earliest date means any)</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>不再按题目、群体、日期和研讨会筛选</source>
        <translation>Stop filtering by question, group, date and workshop</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>词语</source>
        <translation>Word</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>使用比例</source>
        <translation>Share of texts</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>使用比例：这部分文本中用到这个词的文本所占的比例</source>
        <translation>Share of texts: the share of these texts that use the word</translation>
    </message>
    <message>
        <source>设为停用词（不再作为关键词）</source>
        <translation>Make a stopword (no longer a keyword)</translation>
    </message>
    <message>
        <source>原文片段</source>
        <translation>In context</translation>
    </message>
    <message>
        <source>关键词所在的原文片段</source>
        <translation>The keyword in its texts</translation>
    </message>
    <message>
        <source>这个群体的特色词</source>
        <translation>This group&apos;s distinctive words</translation>
    </message>
    <message>
        <source>差异（z 值）</source>
        <translation>Difference (z)</translation>
    </message>
    <message>
        <source>正在绘制词云…</source>
        <translation>Drawing the word cloud…</translation>
    </message>
    <message>
        <source>字越大，说明这部分文本里提到得越多（最多 150 个词）。</source>
        <translation>The larger the word, the more often these texts mention it (150 words at most).</translation>
    </message>
    <message>
        <source>导出 PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <source>把词云保存为图片（Ctrl+Shift+E）</source>
        <translation>Save the word cloud as a picture (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>按领域</source>
        <translation>By domain</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Texts</translation>
    </message>
    <message>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>按场景</source>
        <translation>By scenario</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>在一行上按回车或双击：右边只列出这一类的文本。</source>
        <translation>Press Enter on a row or double-click it to list only its texts on the right.</translation>
    </message>
    <message>
        <source>文本与归类</source>
        <translation>Texts and their classification</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>显示哪些文本</source>
        <translation>Which texts to show</translation>
    </message>
    <message>
        <source>文本</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>改归类…</source>
        <translation>Re-code…</translation>
    </message>
    <message>
        <source>不属于任何场景</source>
        <translation>Belongs to no scenario</translation>
    </message>
    <message>
        <source>恢复自动归类</source>
        <translation>Back to automatic</translation>
    </message>
    <message>
        <source>把选中的文本归入另一个场景（M 或回车）</source>
        <translation>Put the selected texts under another scenario (M or Enter)</translation>
    </message>
    <message>
        <source>选中的文本不属于任何场景（N）</source>
        <translation>The selected texts belong to no scenario (N)</translation>
    </message>
    <message>
        <source>去掉手工归类，交回自动归类（Backspace）</source>
        <translation>Remove the hand code and classify automatically again (Backspace)</translation>
    </message>
    <message>
        <source>可以多选（Shift、Ctrl）。M 或回车：改归类；N：不属于任何场景；Backspace：恢复自动归类。手工归类写入项目，自动归类以后也会参考。</source>
        <translation>Select several with Shift or Ctrl. M or Enter: re-code; N: no scenario; Backspace: back to automatic. Hand codes are saved in the project, and the automatic classification learns from them.</translation>
    </message>
    <message>
        <source>有代表性的原话</source>
        <translation>Representative quotes</translation>
    </message>
    <message>
        <source>最能代表这部分文本、又彼此不重复的几条；电话、证件号和姓名已隐去。</source>
        <translation>The texts most typical of this slice, each saying something different; phone numbers, ID numbers and names are hidden.</translation>
    </message>
    <message>
        <source>情感倾向</source>
        <translation>Sentiment</translation>
    </message>
    <message>
        <source>倾向</source>
        <translation>Sentiment</translation>
    </message>
    <message>
        <source>按情感词典判断：抱怨、不满为负面，满意、称赞为正面；只提建议或请求（希望增加…）的为中性。</source>
        <translation>Judged with a sentiment lexicon: complaints and dissatisfaction are negative, satisfaction and praise positive; plain suggestions and requests (“please add…”) are neutral.</translation>
    </message>
    <message>
        <source>各群体</source>
        <translation>By group</translation>
    </message>
    <message>
        <source>群体</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>负面</source>
        <translation>Negative</translation>
    </message>
    <message>
        <source>中性</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>正面</source>
        <translation>Positive</translation>
    </message>
    <message>
        <source>各群体的情感倾向</source>
        <translation>Sentiment by group</translation>
    </message>
    <message>
        <source>常一起出现的词</source>
        <translation>Words that occur together</translation>
    </message>
    <message>
        <source>同时出现</source>
        <translation>Together</translation>
    </message>
    <message>
        <source>提升度</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>同时出现：两个词出现在同一条文本里的次数。提升度大于 1：两个词一起出现得比偶然更多。</source>
        <translation>Together: the number of texts that use both words. A lift above 1: the two occur together more often than by chance.</translation>
    </message>
    <message>
        <source>关系图</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>正在绘制关系图…</source>
        <translation>Drawing the network…</translation>
    </message>
    <message>
        <source>共现关系图</source>
        <translation>Co-occurrence network</translation>
    </message>
    <message>
        <source>圆越大，这个词和其他词一起出现得越多；线越粗，两个词一起出现得越多。</source>
        <translation>The larger the circle, the more often the word occurs with others; the thicker the line, the more often the two words occur together.</translation>
    </message>
    <message>
        <source>项目词典</source>
        <translation>Project dictionary</translation>
    </message>
    <message>
        <source>自定义词让分词把专有名词（如“一网通办”“临江通”）当作一个词；停用词不再作为关键词出现；同义词把不同说法合并到一个词下（如“停车位”合并为“车位”）。添加或删除后只重新切分用到这个词的文本。</source>
        <translation>Custom words keep names (such as 一网通办 or 临江通) whole when texts are cut into words; stopwords no longer appear as keywords; synonyms merge different wordings under one word (停车位 into 车位). Adding or removing a word re-cuts only the texts that use it.</translation>
    </message>
    <message>
        <source>词语类型</source>
        <translation>Kind of word</translation>
    </message>
    <message>
        <source>合并为…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <source>合并为</source>
        <translation>Merge into</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>删除选中的词（Delete）</source>
        <translation>Delete the selected word (Delete)</translation>
    </message>
    <message>
        <source>自定义词</source>
        <translation>Custom word</translation>
    </message>
    <message>
        <source>停用词</source>
        <translation>Stopword</translation>
    </message>
    <message>
        <source>同义词</source>
        <translation>Synonym</translation>
    </message>
    <message>
        <source>还没有打开项目</source>
        <translation>No project open</translation>
    </message>
    <message>
        <source>打开一个项目，或在“文件”菜单里创建演示项目，这里就会分析开放题回答和研讨会卡片。</source>
        <translation>Open a project, or create the demo project from the File menu, and this page analyses open answers and workshop cards.</translation>
    </message>
    <message>
        <source>正在分析文本…</source>
        <translation>Analysing the texts…</translation>
    </message>
    <message>
        <source>第一次分析要把每条文本切分成词，之后只切分新增的文本。</source>
        <translation>The first analysis cuts every text into words; later ones cut only new texts.</translation>
    </message>
    <message>
        <source>文本分析没有完成</source>
        <translation>The text analysis did not finish</translation>
    </message>
    <message>
        <source>还没有可以分析的文本</source>
        <translation>No texts to analyse yet</translation>
    </message>
    <message>
        <source>问卷的开放题（填空、文本题）收到答卷后，或研讨会记下卡片后，这里会显示关键词、词云、场景归类和有代表性的原话。可以在“实地采集”页收集或导入答卷，在“研讨会”页速记卡片。</source>
        <translation>Once a survey&apos;s open questions (text answers) have responses, or a workshop has cards, this page shows keywords, a word cloud, classification into scenarios and representative quotes. Collect or import responses on the Fieldwork page; write cards on the Workshops page.</translation>
    </message>
    <message>
        <source>全部文本</source>
        <translation>All texts</translation>
    </message>
    <message>
        <source>全部问卷开放题</source>
        <translation>All open answers</translation>
    </message>
    <message>
        <source>仅研讨会卡片</source>
        <translation>Workshop cards only</translation>
    </message>
    <message>
        <source>全部相关方</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>全部研讨会</source>
        <translation>All workshops</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>正在计算切片…</source>
        <translation>Computing the slice…</translation>
    </message>
    <message>
        <source>这部分共 {n} 条文本</source>
        <translation>{n} texts in this slice</translation>
    </message>
    <message>
        <source>这部分没有文本：换一个题目、群体、日期或研讨会，或按“全部”回到全部文本。</source>
        <translation>No texts in this slice: choose another question, group, date or workshop, or press All to see every text.</translation>
    </message>
    <message>
        <source>TF-IDF：在这部分文本里常见、在全部文本里少见的词得分高。</source>
        <translation>TF-IDF: words common in these texts and rare in all texts score high.</translation>
    </message>
    <message>
        <source>TextRank：和很多其他词一起出现的词得分高。</source>
        <translation>TextRank: words that occur with many other words score high.</translation>
    </message>
    <message>
        <source>{group}的特色词</source>
        <translation>Distinctive words of {group}</translation>
    </message>
    <message>
        <source>与其他群体相比，{group}更常提到这些词（对数几率比，z 值越大差别越明显）。</source>
        <translation>Compared with the other groups, {group} mention these words more often (log-odds ratio; the larger z, the clearer the difference).</translation>
    </message>
    <message>
        <source>{group}在这部分的文本太少，或和其他群体说法相近，还看不出特色词。</source>
        <translation>{group} have too few texts here, or say much the same as the others: no distinctive words yet.</translation>
    </message>
    <message>
        <source>原文片段：{term}（{count} 次，{share} 的文本用到）</source>
        <translation>In context: {term} ({count} times, in {share} of texts)</translation>
    </message>
    <message>
        <source>原文片段：{term}</source>
        <translation>In context: {term}</translation>
    </message>
    <message>
        <source>未归类</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>未归类的文本</source>
        <translation>Unclassified texts</translation>
    </message>
    <message>
        <source>手工归类的文本</source>
        <translation>Hand-coded texts</translation>
    </message>
    <message>
        <source>领域：{name}</source>
        <translation>Domain: {name}</translation>
    </message>
    <message>
        <source>场景：{name}</source>
        <translation>Scenario: {name}</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>{group} · 卡片</source>
        <translation>{group} · card</translation>
    </message>
    <message>
        <source>研讨会卡片：{session}</source>
        <translation>Workshop card: {session}</translation>
    </message>
    <message>
        <source>{group} · 问卷</source>
        <translation>{group} · survey</translation>
    </message>
    <message>
        <source>问卷题目：{question}</source>
        <translation>Survey question: {question}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>手工</source>
        <translation>By hand</translation>
    </message>
    <message>
        <source>依据：{terms}</source>
        <translation>Because of: {terms}</translation>
    </message>
    <message>
        <source>列出前 {shown} 条，共 {n} 条</source>
        <translation>First {shown} of {n}</translation>
    </message>
    <message>
        <source>用“显示”或上面的切片缩小范围，就能看到其余的文本。</source>
        <translation>Narrow the list with Show or with the slice above to see the other texts.</translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation>{n} texts</translation>
    </message>
    <message>
        <source>问卷回答</source>
        <translation>Survey answer</translation>
    </message>
    <message>
        <source>研讨会卡片</source>
        <translation>Workshop card</translation>
    </message>
    <message>
        <source>这部分文本里没有可以画进词云的词。</source>
        <translation>These texts have no words for a word cloud.</translation>
    </message>
    <message>
        <source>这部分文本里没有经常一起出现的词。</source>
        <translation>No words occur together often in these texts.</translation>
    </message>
    <message>
        <source>词云还在绘制，请稍候再导出。</source>
        <translation>The word cloud is still being drawn; export it in a moment.</translation>
    </message>
    <message>
        <source>导出词云</source>
        <translation>Export word cloud</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>无法保存图片：{error}</source>
        <translation>Could not save the picture: {error}</translation>
    </message>
    <message>
        <source>词云已导出：{path}</source>
        <translation>Word cloud exported: {path}</translation>
    </message>
    <message>
        <source>改归类</source>
        <translation>Re-code</translation>
    </message>
    <message>
        <source>选中的 {n} 条文本归入哪个场景？</source>
        <translation>Which scenario do the {n} selected texts belong to?</translation>
    </message>
    <message>
        <source>已把 {n} 条文本归入“{name}”</source>
        <translation>{n} texts put under “{name}”</translation>
    </message>
    <message>
        <source>已恢复 {n} 条文本的自动归类</source>
        <translation>{n} texts classified automatically again</translation>
    </message>
    <message>
        <source>正在保存归类…</source>
        <translation>Saving the codes…</translation>
    </message>
    <message>
        <source>不同的说法，如“停车位”</source>
        <translation>Another wording, e.g. 停车位</translation>
    </message>
    <message>
        <source>词语，如“一网通办”</source>
        <translation>A word, e.g. 一网通办</translation>
    </message>
    <message>
        <source>共 {n} 个词</source>
        <translation>{n} words</translation>
    </message>
    <message>
        <source>还没有项目自己的词。</source>
        <translation>The project has no words of its own yet.</translation>
    </message>
    <message>
        <source>请先输入词语。</source>
        <translation>Type a word first.</translation>
    </message>
    <message>
        <source>同义词要写明合并为哪个词。</source>
        <translation>A synonym needs the word to merge into.</translation>
    </message>
    <message>
        <source>已添加“{term}”，重新切分了 {n} 条文本</source>
        <translation>Added “{term}”; {n} texts cut again</translation>
    </message>
    <message>
        <source>已添加“{term}”</source>
        <translation>Added “{term}”</translation>
    </message>
    <message>
        <source>正在更新词典…</source>
        <translation>Updating the dictionary…</translation>
    </message>
    <message>
        <source>已删除“{term}”</source>
        <translation>Deleted “{term}”</translation>
    </message>
</context>
<context>
    <name>AnswerWindow</name>
    <message>
        <source>汇智 · 自助填答</source>
        <translation>Huizhi · Kiosk</translation>
    </message>
    <message>
        <source>汇智 · 访员代填</source>
        <translation>Huizhi · Interview</translation>
    </message>
    <message>
        <source>退出自助填答</source>
        <translation>Leave Kiosk</translation>
    </message>
    <message>
        <source>请输入工作人员 PIN：</source>
        <translation>Staff PIN:</translation>
    </message>
    <message>
        <source>PIN 不正确</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <source>PIN 不正确，仍停留在自助填答模式。</source>
        <translation>Wrong PIN; the kiosk stays open.</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>添加场景列</source>
        <translation>Add scenario column</translation>
    </message>
    <message>
        <source>编辑…	F2</source>
        <translation>Edit…	F2</translation>
    </message>
    <message>
        <source>移到…	M</source>
        <translation>Move to…	M</translation>
    </message>
    <message>
        <source>新建分组	G</source>
        <translation>New cluster	G</translation>
    </message>
    <message>
        <source>合并为一张	Ctrl+M</source>
        <translation>Merge into one	Ctrl+M</translation>
    </message>
    <message>
        <source>拆分…	S</source>
        <translation>Split…	S</translation>
    </message>
    <message>
        <source>删除	Del</source>
        <translation>Delete	Del</translation>
    </message>
    <message>
        <source>建议归类…</source>
        <translation>Suggest scenarios…</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>转为场景…</source>
        <translation>Make it a scenario…</translation>
    </message>
    <message>
        <source>删除分组（卡片回到未归类）</source>
        <translation>Delete cluster (its cards become unassigned)</translation>
    </message>
    <message>
        <source>SWOT 分析</source>
        <translation>SWOT analysis</translation>
    </message>
    <message>
        <source>关闭此列</source>
        <translation>Close this column</translation>
    </message>
</context>
<context>
    <name>BoardWall</name>
    <message>
        <source>还没有卡片</source>
        <translation>No cards yet</translation>
    </message>
    <message>
        <source>另有 {n} 个场景或分组的卡片较少，未在此显示</source>
        <translation>{n} more scenarios or clusters with fewer cards are not shown here</translation>
    </message>
    <message>
        <source>{n} 张</source>
        <translation>{n} cards</translation>
    </message>
</context>
<context>
    <name>CaptureLine</name>
    <message>
        <source>输入卡片后回车：@作者或部门 #痛点/需求/创意/风险 内容 #标签</source>
        <translation>Type a card and press Enter: @author or department #pain/need/idea/risk text #tag</translation>
    </message>
    <message>
        <source>卡片速记</source>
        <translation>Card capture</translation>
    </message>
</context>
<context>
    <name>ColumnWidget</name>
    <message>
        <source>列操作</source>
        <translation>Column actions</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>出处</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>谁</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <source>显示前 {n} 条</source>
        <translation>Showing the first {n}</translation>
    </message>
</context>
<context>
    <name>EvidenceTable</name>
    <message>
        <source>场景证据</source>
        <translation>Scenario evidence</translation>
    </message>
    <message>
        <source>双击或按 Enter：查看这个数字背后的答卷、意见或评分</source>
        <translation>Double-click or press Enter: the answers, comments or scores behind this number</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>综合</source>
        <translation>Combined</translation>
    </message>
    <message>
        <source>依据 {n} 条</source>
        <translation>From {n}</translation>
    </message>
    <message>
        <source>没有证据</source>
        <translation>No evidence</translation>
    </message>
</context>
<context>
    <name>FieldworkPage</name>
    <message>
        <source>在社区、办事大厅和机关现场收集答卷：每个回答即时保存，离线也不丢一条。</source>
        <translation>Collect responses in communities, service halls and offices: every answer is saved at once, and nothing is lost offline.</translation>
    </message>
    <message>
        <source>实地采集</source>
        <translation>Fieldwork</translation>
    </message>
    <message>
        <source>开始自助填答</source>
        <translation>Start Kiosk</translation>
    </message>
    <message>
        <source>访员代填</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>导入答卷…</source>
        <translation>Import Responses…</translation>
    </message>
    <message>
        <source>外业数据包</source>
        <translation>Field Packages</translation>
    </message>
    <message>
        <source>导出问卷分发包（给外业笔记本）…</source>
        <translation>Export Survey Package (for field laptops)…</translation>
    </message>
    <message>
        <source>合并外业数据…</source>
        <translation>Merge Field Data…</translation>
    </message>
    <message>
        <source>收集本机答卷（外业笔记本）…</source>
        <translation>Collect This Laptop&apos;s Responses…</translation>
    </message>
    <message>
        <source>质量检查</source>
        <translation>Check Quality</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>全部答卷</source>
        <translation>All responses</translation>
    </message>
    <message>
        <source>有质量标记</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>答卷列表</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>Undo Delete</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>配额进度</source>
        <translation>Quota progress</translation>
    </message>
    <message>
        <source>设置配额…</source>
        <translation>Set Quotas…</translation>
    </message>
    <message>
        <source>数据质量</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <source>分析时排除被标记的答卷</source>
        <translation>Exclude flagged responses from analysis</translation>
    </message>
    <message>
        <source>合并冲突</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <source>保留主控版本</source>
        <translation>Keep master version</translation>
    </message>
    <message>
        <source>采用外业版本</source>
        <translation>Take field version</translation>
    </message>
    <message>
        <source>请先打开一个项目。</source>
        <translation>Open a project first.</translation>
    </message>
    <message>
        <source>全部问卷</source>
        <translation>All surveys</translation>
    </message>
    <message>
        <source>全部相关方</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>全部采集员</source>
        <translation>All collectors</translation>
    </message>
    <message>
        <source>共 {n:,} 份</source>
        <translation>{n:,} responses</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#5F6B7A&apos;&gt;选择一份答卷查看详情与修改记录。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#5F6B7A&apos;&gt;Select a response to see its answers and change history.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>按相关方</source>
        <translation>By stakeholder group</translation>
    </message>
    <message>
        <source>按采集员</source>
        <translation>By collector</translation>
    </message>
    <message>
        <source>。点“质量检查”重新计算。</source>
        <translation>. Click “Check Quality” to recompute.</translation>
    </message>
    <message>
        <source>当前已排除 {n} 份。</source>
        <translation>{n} excluded now.</translation>
    </message>
    <message>
        <source>答卷 {u}（来自 {s}）</source>
        <translation>Response {u} (from {s})</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source>选择问卷</source>
        <translation>Choose Survey</translation>
    </message>
    <message>
        <source>用哪份问卷？</source>
        <translation>Which survey?</translation>
    </message>
    <message>
        <source>采集员</source>
        <translation>Collector</translation>
    </message>
    <message>
        <source>采集员姓名：</source>
        <translation>Collector name:</translation>
    </message>
    <message>
        <source>设置工作人员 PIN</source>
        <translation>Set Staff PIN</translation>
    </message>
    <message>
        <source>退出自助填答需要 PIN，请设置（至少 4 位）：</source>
        <translation>Leaving the kiosk needs a PIN; set one (at least 4 digits):</translation>
    </message>
    <message>
        <source>· {when}，{who}，已答 {n} 题</source>
        <translation>· {when}, {who}, {n} answers</translation>
    </message>
    <message>
        <source>未署名</source>
        <translation>unnamed</translation>
    </message>
    <message>
        <source>发现未完成的答卷</source>
        <translation>Unfinished Responses Found</translation>
    </message>
    <message>
        <source>上次有 {n} 份答卷没有提交，所有已填写的回答都已保存：</source>
        <translation>{n} response(s) were not submitted last time; every answer given was saved:</translation>
    </message>
    <message>
        <source>继续填写最近的一份</source>
        <translation>Resume the Latest</translation>
    </message>
    <message>
        <source>正在检查问卷 {n}</source>
        <translation>Checking survey {n}</translation>
    </message>
    <message>
        <source>正在检查数据质量…</source>
        <translation>Checking data quality…</translation>
    </message>
    <message>
        <source>配额</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>{name} 的目标答卷数：</source>
        <translation>Target responses for {name}:</translation>
    </message>
    <message>
        <source>导入答卷</source>
        <translation>Import Responses</translation>
    </message>
    <message>
        <source>答卷导出文件 (*.csv *.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Response exports (*.csv *.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>已导入 {n} 份答卷；跳过已导入的 {d} 份；{p} 处问题的行未导入。</source>
        <translation>Imported {n} responses; skipped {d} already imported; rows with {p} problem(s) were not imported.</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导出问卷分发包</source>
        <translation>Export Survey Package</translation>
    </message>
    <message>
        <source>问卷分发包 (*.hzpkg)</source>
        <translation>Survey packages (*.hzpkg)</translation>
    </message>
    <message>
        <source>加密用的公钥（可不选）</source>
        <translation>Public key for sealing (optional)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出：{p}</source>
        <translation>Exported: {p}</translation>
    </message>
    <message>
        <source>合并外业数据</source>
        <translation>Merge Field Data</translation>
    </message>
    <message>
        <source>外业数据 (*.hzdata)</source>
        <translation>Field data (*.hzdata)</translation>
    </message>
    <message>
        <source>主控私钥（数据已加密时需要）</source>
        <translation>Master private key (needed for sealed data)</translation>
    </message>
    <message>
        <source>私钥口令</source>
        <translation>Key Passphrase</translation>
    </message>
    <message>
        <source>口令：</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>新增 {added}，未变 {unchanged}，更新 {updated}，冲突 {conflicts}，拒收 {rejected}。合并前已备份。</source>
        <translation>Added {added}, unchanged {unchanged}, updated {updated}, conflicts {conflicts}, rejected {rejected}. The master was backed up first.</translation>
    </message>
    <message>
        <source>正在合并…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <source>收集本机答卷</source>
        <translation>Collect Responses</translation>
    </message>
    <message>
        <source>正在收集…</source>
        <translation>Collecting…</translation>
    </message>
    <message>
        <source>已写入：{p}</source>
        <translation>Written: {p}</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>GroupComparison</name>
    <message>
        <source>各群体排序对比</source>
        <translation>Rankings by group</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>综合名次</source>
        <translation>Combined rank</translation>
    </message>
    <message>
        <source>最大名次差</source>
        <translation>Largest rank gap</translation>
    </message>
</context>
<context>
    <name>GroupTable</name>
    <message>
        <source>按相关方的结果</source>
        <translation>Results by stakeholder group</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>与其他相关方差异较大</source>
        <translation>Differs widely from other groups</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入答卷：{name}</source>
        <translation>Import Responses: {name}</translation>
    </message>
    <message>
        <source>共 {n} 行数据（{enc}）。请确认每一列对应的题目；未对应的列不导入。</source>
        <translation>{n} rows ({enc}). Check which question each column goes to; unmatched columns are not imported.</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>对应题目</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>检查数据</source>
        <translation>Check Data</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导入有效的行</source>
        <translation>Import Valid Rows</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(do not import)</translation>
    </message>
    <message>
        <source>{good} 行可以导入，{bad} 行有问题（见下表，不会导入）。</source>
        <translation>{good} rows can be imported; {bad} rows have problems (listed below, not imported).</translation>
    </message>
    <message>
        <source>导入有效的 {n} 行</source>
        <translation>Import {n} Valid Rows</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>汇智 Huizhi</source>
        <translation>Huizhi</translation>
    </message>
    <message>
        <source>汇智</source>
        <translation>Huizhi</translation>
    </message>
    <message>
        <source>智慧城市需求调研</source>
        <translation>Smart-city needs research</translation>
    </message>
    <message>
        <source>页面导航</source>
        <translation>Page navigation</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建项目(&amp;N)…</source>
        <translation>&amp;New Project…</translation>
    </message>
    <message>
        <source>打开项目(&amp;O)…</source>
        <translation>&amp;Open Project…</translation>
    </message>
    <message>
        <source>最近的项目(&amp;R)</source>
        <translation>&amp;Recent Projects</translation>
    </message>
    <message>
        <source>创建演示项目(&amp;D)…</source>
        <translation>Create &amp;Demo Project…</translation>
    </message>
    <message>
        <source>导入 XLSForm 问卷(&amp;I)…</source>
        <translation>&amp;Import XLSForm Survey…</translation>
    </message>
    <message>
        <source>导出 XLSForm 问卷(&amp;X)…</source>
        <translation>E&amp;xport XLSForm Survey…</translation>
    </message>
    <message>
        <source>导出简报(&amp;E)…</source>
        <translation>&amp;Export Brief…</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back Up Now</translation>
    </message>
    <message>
        <source>关闭项目(&amp;C)</source>
        <translation>&amp;Close Project</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>页面(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于汇智(&amp;A)</source>
        <translation>&amp;About Huizhi</translation>
    </message>
    <message>
        <source>正在打开 {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>无法打开项目</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <source>正在打开项目…</source>
        <translation>Opening the project…</translation>
    </message>
    <message>
        <source>打开项目</source>
        <translation>Open Project</translation>
    </message>
    <message>
        <source>汇智项目 (*{suffix})</source>
        <translation>Huizhi projects (*{suffix})</translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation>New Project</translation>
    </message>
    <message>
        <source>新项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>正在创建项目…</source>
        <translation>Creating the project…</translation>
    </message>
    <message>
        <source>创建演示项目</source>
        <translation>Create Demo Project</translation>
    </message>
    <message>
        <source>临江市演示项目</source>
        <translation>Linjiang demo project</translation>
    </message>
    <message>
        <source>正在生成演示项目…</source>
        <translation>Generating the demo project…</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>导出 Excel 台账</source>
        <translation>Export Excel Register</translation>
    </message>
    <message>
        <source>导出 PDF 简报</source>
        <translation>Export PDF Brief</translation>
    </message>
    <message>
        <source>正在导出简报…</source>
        <translation>Exporting the brief…</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出：</source>
        <translation>Exported:</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>已导出 {n} 个文件</source>
        <translation>Exported {n} file(s)</translation>
    </message>
    <message>
        <source>关于汇智</source>
        <translation>About Huizhi</translation>
    </message>
    <message>
        <source>&lt;h3&gt;汇智 Huizhi {version}&lt;/h3&gt;&lt;p&gt;帮助城市在启动智慧城市项目时先倾听：收集市民、部门、企业和合作伙伴的需求，排出应用场景的优先级，形成可追溯的需求与简报。&lt;/p&gt;&lt;p&gt;界面字体：文泉驿微米黑（Apache-2.0）。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Huizhi {version}&lt;/h3&gt;&lt;p&gt;Helps a city start its smart-city programme by listening first: gather the needs of citizens, departments, enterprises and partners, rank the application scenarios, and write traceable requirements and briefs.&lt;/p&gt;&lt;p&gt;Interface font: WenQuanYi Micro Hei (Apache-2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{title} — 汇智</source>
        <translation>{title} — Huizhi</translation>
    </message>
    <message>
        <source>项目已打开</source>
        <translation>Project opened</translation>
    </message>
    <message>
        <source>未打开项目</source>
        <translation>No project open</translation>
    </message>
    <message>
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>MatrixChart</name>
    <message>
        <source>价值 × 紧迫性矩阵</source>
        <translation>Value × urgency matrix</translation>
    </message>
    <message>
        <source>紧迫性 →</source>
        <translation>Urgency →</translation>
    </message>
    <message>
        <source>价值 →</source>
        <translation>Value →</translation>
    </message>
    <message>
        <source>还没有价值和紧迫性评分</source>
        <translation>No value and urgency scores yet</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>汇智：先倾听，再建设</source>
        <translation>Huizhi: listen first, then build</translation>
    </message>
    <message>
        <source>汇集市民、部门、企业和合作伙伴的需求：问卷与研讨会收集原话，分析找出共识与分歧，排出应用场景的优先级，并形成可追溯的需求规格与简报。</source>
        <translation>Gather the needs of citizens, departments, enterprises and partners: surveys and workshops capture their words, analysis finds agreement and conflict, scenarios get ranked, and traceable requirements and briefs follow.</translation>
    </message>
    <message>
        <source>新建项目…</source>
        <translation>New Project…</translation>
    </message>
    <message>
        <source>打开项目…</source>
        <translation>Open Project…</translation>
    </message>
    <message>
        <source>创建演示项目…</source>
        <translation>Create Demo Project…</translation>
    </message>
    <message>
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <source>有效答卷</source>
        <translation>Valid responses</translation>
    </message>
    <message>
        <source>份</source>
        <translation>responses</translation>
    </message>
    <message>
        <source>问卷</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>套</source>
        <translation>surveys</translation>
    </message>
    <message>
        <source>研讨会</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>场</source>
        <translation>sessions</translation>
    </message>
    <message>
        <source>研讨会参与者</source>
        <translation>Workshop participants</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>研讨会卡片</source>
        <translation>Workshop cards</translation>
    </message>
    <message>
        <source>张</source>
        <translation>cards</translation>
    </message>
    <message>
        <source>候选应用场景</source>
        <translation>Candidate scenarios</translation>
    </message>
    <message>
        <source>个</source>
        <translation>scenarios</translation>
    </message>
    <message>
        <source>各相关方参与情况（有效答卷）</source>
        <translation>Participation by stakeholder group (valid responses)</translation>
    </message>
    <message>
        <source> 份</source>
        <translation></translation>
    </message>
    <message>
        <source>还没有答卷。答卷收集后，这里按市民、部门、企业和合作伙伴显示参与情况。</source>
        <translation>No responses yet. Once responses come in, participation by citizens, departments, enterprises and partners appears here.</translation>
    </message>
    <message>
        <source>各问卷答卷数</source>
        <translation>Responses per survey</translation>
    </message>
    <message>
        <source>项目文件：{path}    数据结构版本 {version}</source>
        <translation>Project file: {path}    Schema version {version}</translation>
    </message>
    <message>
        <source>研讨会参与者：</source>
        <translation>Workshop participants: </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{group} {n} 人</source>
        <translation>{group} {n}</translation>
    </message>
    <message>
        <source>还没有研讨会参与者。</source>
        <translation>No workshop participants yet.</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>批量添加卡片</source>
        <translation>Add cards in bulk</translation>
    </message>
    <message>
        <source>每行一张卡片，可以带 @作者 和 #类型 #标签。空行会被跳过。</source>
        <translation>One card per line, with @author and #kind #tags if you like. Blank lines are skipped.</translation>
    </message>
    <message>
        <source>共 {n} 行</source>
        <translation>{n} lines</translation>
    </message>
</context>
<context>
    <name>Picker</name>
    <message>
        <source>输入名称筛选，↑↓ 选择，回车确定</source>
        <translation>Type to filter, ↑↓ to choose, Enter to confirm</translation>
    </message>
</context>
<context>
    <name>Priorities</name>
    <message>
        <source>先做</source>
        <translation>Quick win</translation>
    </message>
    <message>
        <source>规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>快速处理</source>
        <translation>Quick fix</translation>
    </message>
    <message>
        <source>暂缓</source>
        <translation>Defer</translation>
    </message>
    <message>
        <source>问卷选择率</source>
        <translation>Chosen in surveys</translation>
    </message>
    <message>
        <source>问卷价值分</source>
        <translation>Survey value</translation>
    </message>
    <message>
        <source>问卷紧迫分</source>
        <translation>Survey urgency</translation>
    </message>
    <message>
        <source>重要性评价</source>
        <translation>Importance rating</translation>
    </message>
    <message>
        <source>意见提及率</source>
        <translation>Mentioned in comments</translation>
    </message>
    <message>
        <source>负面意见占比</source>
        <translation>Negative comments</translation>
    </message>
    <message>
        <source>研讨会价值分</source>
        <translation>Workshop value</translation>
    </message>
    <message>
        <source>研讨会紧迫分</source>
        <translation>Workshop urgency</translation>
    </message>
    <message>
        <source>研讨会可行性分</source>
        <translation>Workshop feasibility</translation>
    </message>
    <message>
        <source>投票点占比</source>
        <translation>Share of dots</translation>
    </message>
    <message>
        <source>MoSCoW 得分</source>
        <translation>MoSCoW points</translation>
    </message>
    <message>
        <source>SWOT 平衡</source>
        <translation>SWOT balance</translation>
    </message>
    <message>
        <source>问卷</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>开放题意见</source>
        <translation>Open answers</translation>
    </message>
    <message>
        <source>研讨会</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>SWOT</source>
        <translation>SWOT</translation>
    </message>
</context>
<context>
    <name>PrioritiesPage</name>
    <message>
        <source>还没有打开项目</source>
        <translation>No project open</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>气泡大小：选择、提及和投票的人数；颜色：领域；红圈：群体分歧大。</source>
        <translation>Bubble size: people who chose, mentioned or voted for it; colour: domain; red ring: the groups disagree.</translation>
    </message>
    <message>
        <source>价值 × 紧迫性</source>
        <translation>Value × urgency</translation>
    </message>
    <message>
        <source>群体对比</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>稳健性</source>
        <translation>Robustness</translation>
    </message>
    <message>
        <source>场景目录</source>
        <translation>Scenario catalogue</translation>
    </message>
    <message>
        <source>优先级</source>
        <translation>Priorities</translation>
    </message>
    <message>
        <source>前 </source>
        <translation>Top </translation>
    </message>
    <message>
        <source> 名</source>
        <translation></translation>
    </message>
    <message>
        <source>检验稳定性的前 k 名</source>
        <translation>The top k whose stability is checked</translation>
    </message>
    <message>
        <source>归一化：最小–最大</source>
        <translation>Normalisation: min–max</translation>
    </message>
    <message>
        <source>归一化：向量</source>
        <translation>Normalisation: vector</translation>
    </message>
    <message>
        <source>归一化方式</source>
        <translation>Normalisation</translation>
    </message>
    <message>
        <source>抽样：当前权重 ±20%</source>
        <translation>Draws: current weights ±20%</translation>
    </message>
    <message>
        <source>抽样：任意权重（单纯形均匀）</source>
        <translation>Draws: any weights (uniform on the simplex)</translation>
    </message>
    <message>
        <source>恢复默认权重</source>
        <translation>Restore default weights</translation>
    </message>
    <message>
        <source>重新汇总证据</source>
        <translation>Gather evidence again</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>把标出的分歧记入冲突清单</source>
        <translation>Record the flagged disagreements as conflicts</translation>
    </message>
    <message>
        <source>冲突清单</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>每个群体只用自己的证据排序（SWOT 共用）。名次相差最大的场景标为浅红：一个群体排在前面、另一个排在后面，正是需要在研讨会上讨论的利益冲突。</source>
        <translation>Each group is ranked on its own evidence (SWOT is shared). Scenarios whose ranks differ most are shaded red: one group puts them near the top, another near the bottom — the conflicts of interest to discuss in a workshop.</translation>
    </message>
    <message>
        <source>冲突清单（项目级）</source>
        <translation>Conflicts (project)</translation>
    </message>
    <message>
        <source>一个权重变动、其余按比例缩放（权重总和保持 1）时，需要变动多少才会改变前 k 名，或让两个相邻场景互换（闭式解，Triantaphyllou 与 Sánchez 1997）。</source>
        <translation>How far one weight must move, the others rescaled in proportion so the weights still sum to 1, before the top k changes or two neighbours swap (closed form, Triantaphyllou &amp; Sánchez 1997).</translation>
    </message>
    <message>
        <source>打开一个项目，这里会汇总问卷、开放题、研讨会和 SWOT 的证据，为候选场景排序。</source>
        <translation>Open a project: this page gathers the evidence of surveys, open answers, workshops and SWOT and ranks the candidate scenarios.</translation>
    </message>
    <message>
        <source>正在汇总证据…</source>
        <translation>Gathering the evidence…</translation>
    </message>
    <message>
        <source>第一次汇总要读取全部答卷并归类开放题，之后只在数据变化时重新计算。</source>
        <translation>The first time reads every response and classifies the open answers; afterwards only changes are recomputed.</translation>
    </message>
    <message>
        <source>证据没有汇总完成</source>
        <translation>The evidence was not gathered</translation>
    </message>
    <message>
        <source>正在汇总证据</source>
        <translation>Gathering the evidence</translation>
    </message>
    <message>
        <source>还没有可用于排序的证据</source>
        <translation>No evidence to rank yet</translation>
    </message>
    <message>
        <source>问卷里的场景打分或场景选择题、开放题意见、研讨会评分与投票、SWOT 条目，任何一项有了数据，这里就能排序。</source>
        <translation>Scenario grids or scenario choice questions in surveys, open answers, workshop scores and votes, SWOT items: as soon as any of them has data, the scenarios can be ranked here.</translation>
    </message>
    <message>
        <source>问卷</source>
        <translation>surveys</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>comments</translation>
    </message>
    <message>
        <source>{n} 个场景 · {c} 项证据 · 前 {k} 名中 {s} 个稳定</source>
        <translation>{n} scenarios · {c} criteria · {s} of the top {k} stable</translation>
    </message>
    <message>
        <source>（刚重新计算：{parts}）</source>
        <translation> (just recomputed: {parts})</translation>
    </message>
    <message>
        <source>当前权重 ±{p}%</source>
        <translation>current weights ±{p}%</translation>
    </message>
    <message>
        <source>单纯形上均匀抽取</source>
        <translation>uniform on the simplex</translation>
    </message>
    <message>
        <source>权重抽样 {d} 次（{mode}，随机种子 {seed}）：每个场景留在前 {k} 名的概率与 90% 名次区间见“排序”页；前 {k} 名中 {s} 个稳定（至少 90% 的抽样中仍在前 {k} 名）。</source>
        <translation>{d} weight draws ({mode}, seed {seed}): each scenario&apos;s probability of staying in the top {k} and its 90% rank interval are on the Ranking tab; {s} of the top {k} are stable (still in the top {k} in at least 90% of the draws).</translation>
    </message>
    <message>
        <source>最小–最大归一化</source>
        <translation>min–max normalisation</translation>
    </message>
    <message>
        <source>向量归一化（减去量表下限后除以欧氏范数）</source>
        <translation>vector normalisation (the scale&apos;s floor subtracted, divided by the Euclidean norm)</translation>
    </message>
    <message>
        <source>约定：各项证据先按相关方群体加权平均（群体权重默认相等），再在有证据的场景间做{norm}（没有证据记 0），最后加权求和；价值、紧迫性取问卷与研讨会得分的平均，以 {mid} 分为界，恰好等于界值算“高”。</source>
        <translation>Conventions: each criterion is the weighted mean of the stakeholder groups (equal weights by default), then {norm} across the scenarios with evidence (no evidence scores 0), then summed with the weights; value and urgency are the means of the survey and workshop scores, split at {mid}, a tie counting as high.</translation>
    </message>
    <message>
        <source>证据：{name}</source>
        <translation>Evidence: {name}</translation>
    </message>
    <message>
        <source>至少要有两类证据来源才能两两比较。</source>
        <translation>Pairwise comparison needs at least two kinds of evidence.</translation>
    </message>
    <message>
        <source>全部群体</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>“{name}”排序分歧：{high}排第 {a}，{low}排第 {b}（相差 {gap} 位）</source>
        <translation>Ranking disagreement on “{name}”: {high} rank it {a}, {low} rank it {b} ({gap} places apart)</translation>
    </message>
    <message>
        <source>标出的分歧都已在冲突清单中。</source>
        <translation>Every flagged disagreement is already in the conflicts list.</translation>
    </message>
    <message>
        <source>已记入 {n} 条冲突。</source>
        <translation>{n} conflicts recorded.</translation>
    </message>
    <message>
        <source>（还没有记录）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>根据全部证据为候选应用场景排序，并说明排序有多稳。</source>
        <translation>Rank the candidate scenarios on all the evidence, and show how stable the ranking is.</translation>
    </message>
    <message>
        <source>场景目录（{n} 个候选场景，{d} 个领域）</source>
        <translation>Scenario catalogue ({n} candidate scenarios in {d} domains)</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>汇智 · 投影</source>
        <translation>Huizhi · Projector</translation>
    </message>
    <message>
        <source>倒计时</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>{n} 张卡片 · {p} 人参与</source>
        <translation>{n} cards · {p} participants</translation>
    </message>
    <message>
        <source>第 {i} / {n} 项</source>
        <translation>Item {i} of {n}</translation>
    </message>
    <message>
        <source>（还没有议程）</source>
        <translation>(no agenda yet)</translation>
    </message>
    <message>
        <source>计划 {m} 分钟</source>
        <translation>{m} minutes planned</translation>
    </message>
    <message>
        <source>&#x3000;（已暂停）</source>
        <translation>  (paused)</translation>
    </message>
    <message>
        <source>接下来：</source>
        <translation>Next: </translation>
    </message>
    <message>
        <source>还没有评分</source>
        <translation>No scores yet</translation>
    </message>
    <message>
        <source>{title} · {n} 人已评</source>
        <translation>{title} · {n} have scored</translation>
    </message>
</context>
<context>
    <name>QuadrantPanel</name>
    <message>
        <source>输入后回车添加到“{name}”</source>
        <translation>Type and press Enter to add to “{name}”</translation>
    </message>
</context>
<context>
    <name>RankingTable</name>
    <message>
        <source>场景排序</source>
        <translation>Scenario ranking</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>象限</source>
        <translation>Quadrant</translation>
    </message>
    <message>
        <source>前 {k} 概率</source>
        <translation>P(top {k})</translation>
    </message>
    <message>
        <source>区间</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>稳健性</source>
        <translation>Robustness</translation>
    </message>
    <message>
        <source>90% 的权重抽样中名次落在此区间</source>
        <translation>The rank in 90% of the weight draws</translation>
    </message>
    <message>
        <source>稳定</source>
        <translation>stable</translation>
    </message>
    <message>
        <source>易变</source>
        <translation>fragile</translation>
    </message>
    <message>
        <source>前 {k} 名内外的归属在至少 90% 的抽样中不变</source>
        <translation>In or out of the top {k} as now in at least 90% of the draws</translation>
    </message>
</context>
<context>
    <name>RecordsPanel</name>
    <message>
        <source>决议</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>输入决议，回车记录</source>
        <translation>Type a decision, Enter records it</translation>
    </message>
    <message>
        <source>行动项</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>负责部门</source>
        <translation>Owner department</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>行动事项</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>无截止日期</source>
        <translation>No due date</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>利益冲突</source>
        <translation>Conflicts of interest</translation>
    </message>
    <message>
        <source>哪些相关方在什么问题上意见不同，回车记录</source>
        <translation>Which groups disagree about what; Enter records it</translation>
    </message>
    <message>
        <source>从评分分歧生成</source>
        <translation>From score disagreements</translation>
    </message>
    <message>
        <source>把评分中相关方差异超过阈值的场景记为利益冲突</source>
        <translation>Record each scenario whose group scores differ by more than the threshold as a conflict of interest</translation>
    </message>
    <message>
        <source>（不针对场景）</source>
        <translation>(no particular scenario)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>给决策者的材料：Excel 台账和 PDF 简报。</source>
        <translation>Material for decision makers: the Excel register and the PDF brief.</translation>
    </message>
    <message>
        <source>Excel 台账</source>
        <translation>Excel register</translation>
    </message>
    <message>
        <source>参与情况（按问卷和相关方群体统计），每份问卷的原始答卷（一行一份答卷、一列一道题），以及题目说明。</source>
        <translation>Participation by survey and stakeholder group, every survey&apos;s raw responses (one row per response, one column per question), and the question list.</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>PDF 简报</source>
        <translation>PDF brief</translation>
    </message>
    <message>
        <source>封面与调研概况，各相关方参与情况及图表，市民开放题词云与高频词。中文字体已嵌入，任何电脑都能正常显示。</source>
        <translation>Cover and key figures, participation by stakeholder group with a chart, and a word cloud with the top words of citizens&apos; open answers. The Chinese font is embedded, so it displays on any computer.</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>同时导出 Excel 和 PDF…</source>
        <translation>Export Excel and PDF…</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>将基于 {n:,} 份有效答卷和 {c:,} 张研讨会卡片生成。</source>
        <translation>Built from {n:,} valid responses and {c:,} workshop cards.</translation>
    </message>
    <message>
        <source>请先打开一个项目。</source>
        <translation>Open a project first.</translation>
    </message>
</context>
<context>
    <name>RequirementsPage</name>
    <message>
        <source>需求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>把优先场景写成有量化指标、有责任部门、可追溯的需求。</source>
        <translation>Turn priority scenarios into traceable requirements with measurable targets and owner departments.</translation>
    </message>
    <message>
        <source>需求规格即将提供</source>
        <translation>Requirement specifications are coming</translation>
    </message>
    <message>
        <source>这里将为排在前列的场景编写需求：量化指标（现状值、目标值、单位）、牵头部门、验证方式，并链接到支持它的答卷和研讨会卡片；没有来源或没有指标的需求会被标出。</source>
        <translation>Here you will write requirements for the top scenarios: measurable targets (baseline, target, unit), lead department and verification, linked to the responses and workshop cards behind them; requirements without a source or a target are flagged.</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <source>评分结果</source>
        <translation>Scoring results</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>综合</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>象限</source>
        <translation>Quadrant</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Raters</translation>
    </message>
    <message>
        <source>分歧</source>
        <translation>Disagreement</translation>
    </message>
    <message>
        <source>点数</source>
        <translation>Dots</translation>
    </message>
    <message>
        <source>共识</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>{criterion}：{high}比{low}高 {gap:.1f}</source>
        <translation>{criterion}: {high} {gap:.1f} above {low}</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>新建评分轮</source>
        <translation>New scoring round</translation>
    </message>
    <message>
        <source>场景评分</source>
        <translation>Scenario scoring</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>按标准打分</source>
        <translation>Scores on criteria</translation>
    </message>
    <message>
        <source>投票点</source>
        <translation>Dot voting</translation>
    </message>
    <message>
        <source>MoSCoW 分类</source>
        <translation>MoSCoW</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>入围场景（默认勾选卡片最多的 8 个）</source>
        <translation>Shortlisted scenarios (the 8 with most cards are ticked)</translation>
    </message>
    <message>
        <source>（{n} 张卡片）</source>
        <translation> ({n} cards)</translation>
    </message>
    <message>
        <source>评分标准</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>最低</source>
        <translation>Lowest</translation>
    </message>
    <message>
        <source>最高</source>
        <translation>Highest</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>添加标准</source>
        <translation>Add criterion</translation>
    </message>
    <message>
        <source>新标准</source>
        <translation>New criterion</translation>
    </message>
    <message>
        <source>删除选中标准</source>
        <translation>Remove selected criterion</translation>
    </message>
    <message>
        <source> 点/人</source>
        <translation> dots each</translation>
    </message>
    <message>
        <source>可以在同一场景上投多点</source>
        <translation>Several dots may go on one scenario</translation>
    </message>
    <message>
        <source>每人点数</source>
        <translation>Dots per person</translation>
    </message>
</context>
<context>
    <name>ScenarioCatalogue</name>
    <message>
        <source>场景目录</source>
        <translation>Scenario catalogue</translation>
    </message>
    <message>
        <source>候选应用场景及其典型量化指标。可按本项目需要新增、修改或停用；停用的场景保留在文件中，已有的卡片和答卷仍然指向它。</source>
        <translation>Candidate application scenarios and their typical KPIs. Add, edit or retire them for this project; a retired scenario stays in the file, so cards and answers that point to it keep their meaning.</translation>
    </message>
    <message>
        <source>新增场景…</source>
        <translation>Add Scenario…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>显示已停用</source>
        <translation>Show retired</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>典型指标</source>
        <translation>Typical KPIs</translation>
    </message>
    <message>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>本项目新增</source>
        <translation>Added in this project</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <source>编辑场景</source>
        <translation>Edit Scenario</translation>
    </message>
    <message>
        <source>新增场景</source>
        <translation>Add Scenario</translation>
    </message>
    <message>
        <source>例如 traffic_bike_lanes（小写字母、数字、下划线）</source>
        <translation>e.g. traffic_bike_lanes (lowercase letters, digits, underscores)</translation>
    </message>
    <message>
        <source>用顿号或逗号分隔，例如 红绿灯、信号灯、堵车</source>
        <translation>Separate with commas, e.g. 红绿灯, 信号灯, 堵车</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>中文名称</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>指标（中文）</source>
        <translation>KPI (Chinese)</translation>
    </message>
    <message>
        <source>指标（英文）</source>
        <translation>KPI (English)</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>越高越好</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <source>添加指标</source>
        <translation>Add KPI</translation>
    </message>
    <message>
        <source>删除所选指标</source>
        <translation>Remove Selected KPI</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>典型量化指标</source>
        <translation>Typical KPIs</translation>
    </message>
    <message>
        <source>请填写中文名称。</source>
        <translation>Enter a Chinese name.</translation>
    </message>
    <message>
        <source>请填写场景代码。</source>
        <translation>Enter a scenario code.</translation>
    </message>
</context>
<context>
    <name>ScenarioFromClusterDialog</name>
    <message>
        <source>分组转为场景</source>
        <translation>Cluster to scenario</translation>
    </message>
    <message>
        <source>新场景加入本项目的场景目录，分组里的卡片随之归入该场景。</source>
        <translation>The new scenario joins this project&apos;s catalogue, and the cluster&apos;s cards move under it.</translation>
    </message>
    <message>
        <source>场景名称</source>
        <translation>Scenario name</translation>
    </message>
    <message>
        <source>英文名称（可选）</source>
        <translation>English name (optional)</translation>
    </message>
    <message>
        <source>所属领域</source>
        <translation>Domain</translation>
    </message>
</context>
<context>
    <name>ScoreGrid</name>
    <message>
        <source>评分表</source>
        <translation>Score grid</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>评分轮</source>
        <translation>Scoring round</translation>
    </message>
    <message>
        <source>新建评分轮…</source>
        <translation>New scoring round…</translation>
    </message>
    <message>
        <source>轮流评分…</source>
        <translation>Score in turn…</translation>
    </message>
    <message>
        <source>笔记本在会场传递，每位参会者依次输入自己的评分</source>
        <translation>Pass the laptop round the room: each participant enters their own scores in turn</translation>
    </message>
    <message>
        <source>删除本轮</source>
        <translation>Delete round</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>按相关方</source>
        <translation>By group</translation>
    </message>
    <message>
        <source>价值 × 紧迫性</source>
        <translation>Value × urgency</translation>
    </message>
    <message>
        <source>还没有评分轮。点“新建评分轮…”，选入围场景和评分方式（打分、投票点或 MoSCoW）。</source>
        <translation>No scoring rounds yet. Click “New scoring round…” and choose the shortlist and the method (scores, dots or MoSCoW).</translation>
    </message>
    <message>
        <source>输入数字打分，自动跳到下一格；Backspace 清除。</source>
        <translation>Type a digit to score; the next cell follows. Backspace clears.</translation>
    </message>
    <message>
        <source>输入每个场景得到的点数（每人 {n} 点）。</source>
        <translation>Type the dots each scenario gets ({n} dots each).</translation>
    </message>
    <message>
        <source>按 M 必须有、S 应该有、C 可以有、W 暂不做（或 1–4）。</source>
        <translation>Press M must, S should, C could, W won&apos;t (or 1–4).</translation>
    </message>
    <message>
        <source>还没有出席的参会者：先在“议程与参会者”里登记。</source>
        <translation>Nobody is marked present yet: record attendance under “Agenda &amp; participants” first.</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>新建研讨会</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <source>例如：智慧交通专题研讨会</source>
        <translation>e.g. Smart transport workshop</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Facilitator</translation>
    </message>
</context>
<context>
    <name>SetupPanel</name>
    <message>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>议题</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>计划（分钟）</source>
        <translation>Planned (min)</translation>
    </message>
    <message>
        <source>新议题，回车添加</source>
        <translation>New item, Enter adds it</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>上移（Alt+↑）</source>
        <translation>Move up (Alt+↑)</translation>
    </message>
    <message>
        <source>下移（Alt+↓）</source>
        <translation>Move down (Alt+↓)</translation>
    </message>
    <message>
        <source>参会者</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>粘贴名单…</source>
        <translation>Paste a list…</translation>
    </message>
    <message>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>相关方</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>双击单元格修改；Del 删除选中的参会者（他们的卡片保留，评分一并删除；可撤销）。</source>
        <translation>Double-click a cell to change it; Del removes the selected participants (their cards stay, their scores go; undoable).</translation>
    </message>
    <message>
        <source>{h} 小时 {m} 分钟</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{m} 分钟</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>共 {n} 项，计划 {time}</source>
        <translation>{n} items, {time} planned</translation>
    </message>
    <message>
        <source>{n} 人，出席 {present} 人，{d} 个部门</source>
        <translation>{n} people, {present} present, {d} departments</translation>
    </message>
</context>
<context>
    <name>StabilityTable</name>
    <message>
        <source>权重敏感性</source>
        <translation>Weight sensitivity</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>当前权重</source>
        <translation>Weight now</translation>
    </message>
    <message>
        <source>前 {k} 名改变：增加</source>
        <translation>Top {k} changes: increase</translation>
    </message>
    <message>
        <source>减少</source>
        <translation>decrease</translation>
    </message>
    <message>
        <source>相邻互换：增加</source>
        <translation>Neighbours swap: increase</translation>
    </message>
    <message>
        <source>最先互换的场景</source>
        <translation>First to swap</translation>
    </message>
    <message>
        <source>不会改变</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{v} 个百分点</source>
        <translation>{v} points</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>建议归类</source>
        <translation>Suggested scenarios</translation>
    </message>
    <message>
        <source>按场景目录的关键词为未归类的卡片建议场景。勾选要接受的建议。</source>
        <translation>Scenarios suggested for unassigned cards from the catalogue&apos;s keywords. Tick the ones to accept.</translation>
    </message>
    <message>
        <source>{card}  →  {scenario}（依据：{why}）</source>
        <translation>{card}  →  {scenario} (because of: {why})</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>设计问卷：拖动调整顺序，设置跳题与校验，右侧随时预览；修改自动保存。</source>
        <translation>Design surveys: drag to reorder, set skip logic and checks, preview on the right; changes save automatically.</translation>
    </message>
    <message>
        <source>问卷列表</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>用上方的“新建问卷”从市民或部门问卷模板开始，或导入 ODK、KoboToolbox 使用的 XLSForm。</source>
        <translation>Start from the citizen or department template with “New Survey” above, or import an XLSForm from ODK or KoboToolbox.</translation>
    </message>
    <message>
        <source>问卷</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>新建问卷</source>
        <translation>New Survey</translation>
    </message>
    <message>
        <source>市民问卷模板</source>
        <translation>Citizen survey template</translation>
    </message>
    <message>
        <source>部门问卷模板</source>
        <translation>Department survey template</translation>
    </message>
    <message>
        <source>空白问卷</source>
        <translation>Blank survey</translation>
    </message>
    <message>
        <source>导入 XLSForm…</source>
        <translation>Import XLSForm…</translation>
    </message>
    <message>
        <source>导出 XLSForm…</source>
        <translation>Export XLSForm…</translation>
    </message>
    <message>
        <source>{title}
第 {v} 版 · {q} 题 · {n:,} 份答卷</source>
        <translation>{title}
Version {v} · {q} questions · {n:,} responses</translation>
    </message>
    <message>
        <source>导入 XLSForm</source>
        <translation>Import XLSForm</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>问卷已导入，有 {n} 条提示：</source>
        <translation>The survey was imported with {n} note(s):</translation>
    </message>
    <message>
        <source>正在导入 XLSForm…</source>
        <translation>Importing the XLSForm…</translation>
    </message>
    <message>
        <source>导出 XLSForm</source>
        <translation>Export XLSForm</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>还没有问卷</source>
        <translation>No surveys yet</translation>
    </message>
</context>
<context>
    <name>SwotBoard</name>
    <message>
        <source>分析对象</source>
        <translation>Boards</translation>
    </message>
    <message>
        <source>SWOT 分析对象</source>
        <translation>SWOT boards</translation>
    </message>
    <message>
        <source>卡片</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>拖到象限，或选中后按 1 优势、2 劣势、3 机会、4 威胁</source>
        <translation>Drag into a quadrant, or select and press 1 strength, 2 weakness, 3 opportunity, 4 threat</translation>
    </message>
    <message>
        <source>可引用的卡片</source>
        <translation>Cards to link</translation>
    </message>
    <message>
        <source>引用卡片：修改卡片即修改此条</source>
        <translation>Linked card: editing the card edits this item</translation>
    </message>
    <message>
        <source>卡片（{name}）</source>
        <translation>Cards ({name})</translation>
    </message>
    <message>
        <source>已引用</source>
        <translation>Linked already</translation>
    </message>
</context>
<context>
    <name>SwotSummary</name>
    <message>
        <source>SWOT 摘要</source>
        <translation>SWOT summary</translation>
    </message>
    <message>
        <source>这个场景还没有 SWOT 条目。</source>
        <translation>No SWOT items for this scenario yet.</translation>
    </message>
    <message>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>劣势</source>
        <translation>Weaknesses</translation>
    </message>
    <message>
        <source>机会</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <source>威胁</source>
        <translation>Threats</translation>
    </message>
</context>
<context>
    <name>TurnDialog</name>
    <message>
        <source>轮流评分：{title}</source>
        <translation>Scoring in turn: {title}</translation>
    </message>
    <message>
        <source>上一位</source>
        <translation>Previous person</translation>
    </message>
    <message>
        <source>保存，交给下一位（Enter）</source>
        <translation>Save, next person (Enter)</translation>
    </message>
    <message>
        <source>保存并结束</source>
        <translation>Save and finish</translation>
    </message>
    <message>
        <source>每格输入 {low}–{high} 的分数，输入后自动跳到下一格。</source>
        <translation>Type a score from {low} to {high} in each cell; the next cell follows.</translation>
    </message>
    <message>
        <source>您有 {n} 个投票点，输入每个场景投几点。</source>
        <translation>You have {n} dots: type how many each scenario gets.</translation>
    </message>
    <message>
        <source>按 M 必须有、S 应该有、C 可以有、W 暂不做。</source>
        <translation>Press M must, S should, C could, W won&apos;t.</translation>
    </message>
    <message>
        <source>点数</source>
        <translation>Dots</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>没有出席的参会者</source>
        <translation>Nobody is present</translation>
    </message>
    <message>
        <source>请 {name} 评分</source>
        <translation>{name}, your scores please</translation>
    </message>
    <message>
        <source>{group}&#x3000;第 {i} / {n} 位</source>
        <translation>{group}  person {i} of {n}</translation>
    </message>
    <message>
        <source>“{scenario}”的{criterion}应在 {low}–{high} 之间。</source>
        <translation>{criterion} of “{scenario}” must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>一共只有 {n} 个投票点，现在投了 {used} 个。</source>
        <translation>There are only {n} dots; {used} are placed.</translation>
    </message>
    <message>
        <source>本轮每个场景最多投 1 点。</source>
        <translation>One dot per scenario in this round.</translation>
    </message>
</context>
<context>
    <name>WeightPanel</name>
    <message>
        <source>权重</source>
        <translation>Weights</translation>
    </message>
    <message>
        <source>拖动即重新排序，自动保存；Ctrl+Z 撤销。</source>
        <translation>Dragging re-ranks at once; saved automatically; Ctrl+Z undoes.</translation>
    </message>
    <message>
        <source>用 AHP 两两比较定权重…</source>
        <translation>Weights by AHP pairwise comparison…</translation>
    </message>
    <message>
        <source>证据标准</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>相关方群体</source>
        <translation>Stakeholder groups</translation>
    </message>
    <message>
        <source>当前权重来自 AHP（CR = {cr:.3f}）</source>
        <translation>The weights come from AHP (CR = {cr:.3f})</translation>
    </message>
</context>
<context>
    <name>Workshop</name>
    <message>
        <source>未归类</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>痛点</source>
        <translation>Pain</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>创意</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>劣势</source>
        <translation>Weaknesses</translation>
    </message>
    <message>
        <source>机会</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <source>威胁</source>
        <translation>Threats</translation>
    </message>
    <message>
        <source>优先实施</source>
        <translation>Do first</translation>
    </message>
    <message>
        <source>规划推进</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>快速处置</source>
        <translation>Quick fix</translation>
    </message>
    <message>
        <source>暂缓</source>
        <translation>Defer</translation>
    </message>
    <message>
        <source>必须有</source>
        <translation>Must</translation>
    </message>
    <message>
        <source>应该有</source>
        <translation>Should</translation>
    </message>
    <message>
        <source>可以有</source>
        <translation>Could</translation>
    </message>
    <message>
        <source>暂不做</source>
        <translation>Won&apos;t</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Doing</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>价值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>紧迫性</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>可行性</source>
        <translation>Feasibility</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>全市整体</source>
        <translation>City as a whole</translation>
    </message>
</context>
<context>
    <name>WorkshopsPage</name>
    <message>
        <source>研讨会</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>跨部门研讨会：速记卡片、归类到场景、SWOT、现场评分与投票、决议与行动，一边投影一边记录。</source>
        <translation>Cross-department workshops: capture cards, cluster them into scenarios, SWOT, score and vote in the room, record decisions and actions, all on the projector as you go.</translation>
    </message>
    <message>
        <source>还没有研讨会</source>
        <translation>No workshops yet</translation>
    </message>
    <message>
        <source>新建一场研讨会，录入参会者，就可以开始速记卡片。</source>
        <translation>Create a workshop, add its participants, and start capturing cards.</translation>
    </message>
    <message>
        <source>新建研讨会</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <source>卡片与归类</source>
        <translation>Cards &amp; clusters</translation>
    </message>
    <message>
        <source>SWOT</source>
        <translation>SWOT</translation>
    </message>
    <message>
        <source>评分与投票</source>
        <translation>Scoring &amp; votes</translation>
    </message>
    <message>
        <source>决议与行动</source>
        <translation>Decisions &amp; actions</translation>
    </message>
    <message>
        <source>议程与参会者</source>
        <translation>Agenda &amp; participants</translation>
    </message>
    <message>
        <source>新建研讨会…</source>
        <translation>New workshop…</translation>
    </message>
    <message>
        <source>导出会议纪要（Excel）…</source>
        <translation>Export minutes (Excel)…</translation>
    </message>
    <message>
        <source>删除这场研讨会…</source>
        <translation>Delete this workshop…</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>当前议程的剩余时间</source>
        <translation>Time left for the current agenda item</translation>
    </message>
    <message>
        <source>上一项议程</source>
        <translation>Previous agenda item</translation>
    </message>
    <message>
        <source>开始/暂停计时（投影窗口里按空格也可以）</source>
        <translation>Start/pause the clock (Space in the projector window does too)</translation>
    </message>
    <message>
        <source>下一项议程</source>
        <translation>Next agenda item</translation>
    </message>
    <message>
        <source>投影</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>打开或关闭投影窗口（F5）；箭头选择投影内容</source>
        <translation>Open or close the projector window (F5); the arrow chooses what it shows</translation>
    </message>
    <message>
        <source>议程与计时</source>
        <translation>Agenda and clock</translation>
    </message>
    <message>
        <source>卡片看板</source>
        <translation>Card board</translation>
    </message>
    <message>
        <source>评分结果</source>
        <translation>Scoring results</translation>
    </message>
    <message>
        <source>没有写 #类型 的卡片用这个类型（Alt+1…4 切换）</source>
        <translation>Kind for cards without a #kind (Alt+1…4 switches)</translation>
    </message>
    <message>
        <source>默认：{kind}</source>
        <translation>Default: {kind}</translation>
    </message>
    <message>
        <source>新卡片放在哪一列</source>
        <translation>Column new cards go to</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <source>批量粘贴卡片…</source>
        <translation>Paste cards in bulk…</translation>
    </message>
    <message>
        <source>从 Excel 导入卡片…</source>
        <translation>Import cards from Excel…</translation>
    </message>
    <message>
        <source>为未归类卡片建议场景…</source>
        <translation>Suggest scenarios for unassigned cards…</translation>
    </message>
    <message>
        <source>新建空分组…</source>
        <translation>New empty cluster…</translation>
    </message>
    <message>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>←→ 换列&#x3000;Alt+←→ 移到相邻列&#x3000;Alt+↑↓ 调整顺序&#x3000;M 移到…&#x3000;G 新建分组&#x3000;F2 编辑&#x3000;S 拆分&#x3000;Ctrl+M 合并&#x3000;Del 删除&#x3000;Ctrl+Z 撤销</source>
        <translation>←→ column  Alt+←→ move to next column  Alt+↑↓ reorder  M move to…  G new cluster  F2 edit  S split  Ctrl+M merge  Del delete  Ctrl+Z undo</translation>
    </message>
    <message>
        <source>删除分组</source>
        <translation>Delete cluster</translation>
    </message>
    <message>
        <source>添加 SWOT 条目</source>
        <translation>Add SWOT item</translation>
    </message>
    <message>
        <source>移动 SWOT 条目</source>
        <translation>Move SWOT item</translation>
    </message>
    <message>
        <source>删除 SWOT 条目</source>
        <translation>Delete SWOT item</translation>
    </message>
    <message>
        <source>删除评分轮</source>
        <translation>Delete scoring round</translation>
    </message>
    <message>
        <source>已删除评分轮及其全部评分，Ctrl+Z 可撤销。</source>
        <translation>Scoring round and all its scores deleted; Ctrl+Z brings them back.</translation>
    </message>
    <message>
        <source>记录决议</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>添加行动项</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>修改行动项</source>
        <translation>Change action</translation>
    </message>
    <message>
        <source>记录利益冲突</source>
        <translation>Record conflict of interest</translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>修改研讨会信息</source>
        <translation>Change workshop details</translation>
    </message>
    <message>
        <source>添加议程</source>
        <translation>Add agenda item</translation>
    </message>
    <message>
        <source>修改议程</source>
        <translation>Change agenda item</translation>
    </message>
    <message>
        <source>调整议程顺序</source>
        <translation>Reorder agenda</translation>
    </message>
    <message>
        <source>删除议程</source>
        <translation>Delete agenda item</translation>
    </message>
    <message>
        <source>修改参会者</source>
        <translation>Change participant</translation>
    </message>
    <message>
        <source>删除参会者</source>
        <translation>Delete participants</translation>
    </message>
    <message>
        <source>打开一个项目，或创建演示项目来看看研讨会记录的样子。</source>
        <translation>Open a project, or create the demo project to see what workshop records look like.</translation>
    </message>
    <message>
        <source>删除研讨会</source>
        <translation>Delete workshop</translation>
    </message>
    <message>
        <source>删除“{title}”及其全部卡片、评分和记录？可以用“撤销”恢复。</source>
        <translation>Delete “{title}” with all its cards, scores and records? Undo brings it back.</translation>
    </message>
    <message>
        <source>这一步没有完成：程序出错，详情已写入日志。</source>
        <translation>This step was not done: the program failed; details are in the log file.</translation>
    </message>
    <message>
        <source>已撤销：{label}</source>
        <translation>Undone: {label}</translation>
    </message>
    <message>
        <source>已重做：{label}</source>
        <translation>Redone: {label}</translation>
    </message>
    <message>
        <source>没有可以撤销或重做的操作。</source>
        <translation>Nothing to undo or redo.</translation>
    </message>
    <message>
        <source>撤销：{label}（Ctrl+Z）</source>
        <translation>Undo: {label} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>重做：{label}（Ctrl+Shift+Z）</source>
        <translation>Redo: {label} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>{place}&#x3000;主持：{facilitator}&#x3000;{people} 人参会，{cards} 张卡片，{scenarios} 个场景</source>
        <translation>{place}  Facilitator: {facilitator}  {people} participants, {cards} cards, {scenarios} scenarios</translation>
    </message>
    <message>
        <source>地点未填</source>
        <translation>no place given</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>放入：{name}</source>
        <translation>Into: {name}</translation>
    </message>
    <message>
        <source>全部作者</source>
        <translation>All authors</translation>
    </message>
    <message>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>正在打开研讨会，请稍候再添加。</source>
        <translation>The workshop is still opening; add the card in a moment.</translation>
    </message>
    <message>
        <source>添加卡片</source>
        <translation>Add card</translation>
    </message>
    <message>
        <source>批量添加卡片</source>
        <translation>Add cards in bulk</translation>
    </message>
    <message>
        <source>已添加 {n} 张卡片</source>
        <translation>{n} cards added</translation>
    </message>
    <message>
        <source>从 Excel 导入卡片</source>
        <translation>Import cards from Excel</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>导入卡片</source>
        <translation>Import cards</translation>
    </message>
    <message>
        <source>已从 {name} 导入 {n} 张卡片</source>
        <translation>{n} cards imported from {name}</translation>
    </message>
    <message>
        <source>无法导入卡片</source>
        <translation>Cannot import the cards</translation>
    </message>
    <message>
        <source>移动卡片</source>
        <translation>Move cards</translation>
    </message>
    <message>
        <source>移到…</source>
        <translation>Move to…</translation>
    </message>
    <message>
        <source>把选中的 {n} 张卡片移到哪里？</source>
        <translation>Where should the {n} selected cards go?</translation>
    </message>
    <message>
        <source>编辑卡片</source>
        <translation>Edit card</translation>
    </message>
    <message>
        <source>和速记行的写法一样：@作者 #类型 内容 #标签</source>
        <translation>As in the capture line: @author #kind text #tags</translation>
    </message>
    <message>
        <source>删除卡片</source>
        <translation>Delete cards</translation>
    </message>
    <message>
        <source>已删除 {n} 张卡片，Ctrl+Z 可撤销</source>
        <translation>{n} cards deleted; Ctrl+Z brings them back</translation>
    </message>
    <message>
        <source>选中两张以上卡片（Shift 或 Ctrl 加选）再合并。</source>
        <translation>Select two or more cards (Shift or Ctrl) to merge them.</translation>
    </message>
    <message>
        <source>合并卡片</source>
        <translation>Merge cards</translation>
    </message>
    <message>
        <source>拆分卡片</source>
        <translation>Split card</translation>
    </message>
    <message>
        <source>每行一张卡片：</source>
        <translation>One card per line:</translation>
    </message>
    <message>
        <source>新建分组</source>
        <translation>New cluster</translation>
    </message>
    <message>
        <source>分组名称：</source>
        <translation>Cluster name:</translation>
    </message>
    <message>
        <source>重命名分组</source>
        <translation>Rename cluster</translation>
    </message>
    <message>
        <source>分组转为场景</source>
        <translation>Cluster to scenario</translation>
    </message>
    <message>
        <source>已加入场景目录：{name}</source>
        <translation>Added to the scenario catalogue: {name}</translation>
    </message>
    <message>
        <source>添加场景列</source>
        <translation>Add scenario column</translation>
    </message>
    <message>
        <source>从场景目录中选一个场景，作为看板上的一列。</source>
        <translation>Choose a scenario from the catalogue to show as a board column.</translation>
    </message>
    <message>
        <source>没有可以建议的未归类卡片。</source>
        <translation>No unassigned cards to suggest a scenario for.</translation>
    </message>
    <message>
        <source>接受归类建议</source>
        <translation>Accept suggested scenarios</translation>
    </message>
    <message>
        <source>已归类 {n} 张卡片</source>
        <translation>{n} cards placed</translation>
    </message>
    <message>
        <source>引用卡片到 SWOT</source>
        <translation>Link cards into SWOT</translation>
    </message>
    <message>
        <source>这一条引用了卡片：修改会同时修改卡片。</source>
        <translation>This item links a card: editing it edits the card.</translation>
    </message>
    <message>
        <source>内容：</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>编辑 SWOT 条目</source>
        <translation>Edit SWOT item</translation>
    </message>
    <message>
        <source>新建评分轮</source>
        <translation>New scoring round</translation>
    </message>
    <message>
        <source>无法新建评分轮</source>
        <translation>Cannot create the scoring round</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>{name}的评分</source>
        <translation>Scores of {name}</translation>
    </message>
    <message>
        <source>“{scenario}”的{criterion}评分：{high}与{low}相差 {gap:.1f} 分</source>
        <translation>“{scenario}”, {criterion}: {high} and {low} differ by {gap:.1f} points</translation>
    </message>
    <message>
        <source>评分中没有超过阈值的相关方分歧。</source>
        <translation>No group disagreement above the threshold in the scores.</translation>
    </message>
    <message>
        <source>从评分分歧生成利益冲突</source>
        <translation>Conflicts of interest from score disagreements</translation>
    </message>
    <message>
        <source>已记录 {n} 条利益冲突</source>
        <translation>{n} conflicts of interest recorded</translation>
    </message>
    <message>
        <source>粘贴参会者名单</source>
        <translation>Paste participants</translation>
    </message>
    <message>
        <source>每行一人：姓名、部门、相关方（市民/部门/企业/合作伙伴）、角色，用制表符、逗号或空格分开。可以直接从 Excel 复制；第一行是表头（姓名 …）也可以。</source>
        <translation>One person per line: name, department, group (citizen/department/enterprise/partner), role, separated by tabs, commas or spaces. Copy straight from Excel; a first header row (姓名 …) is fine.</translation>
    </message>
    <message>
        <source>添加参会者</source>
        <translation>Add participants</translation>
    </message>
    <message>
        <source>已添加 {n} 位参会者</source>
        <translation>{n} participants added</translation>
    </message>
    <message>
        <source>无法添加参会者</source>
        <translation>Cannot add the participants</translation>
    </message>
    <message>
        <source>导入参会者名单</source>
        <translation>Import participants</translation>
    </message>
    <message>
        <source>导入参会者</source>
        <translation>Import participants</translation>
    </message>
    <message>
        <source>已导入 {n} 位参会者</source>
        <translation>{n} participants imported</translation>
    </message>
    <message>
        <source>无法导入参会者</source>
        <translation>Cannot import the participants</translation>
    </message>
    <message>
        <source>导出会议纪要</source>
        <translation>Export minutes</translation>
    </message>
    <message>
        <source>正在导出会议纪要…</source>
        <translation>Exporting the minutes…</translation>
    </message>
    <message>
        <source>会议纪要已导出：{path}</source>
        <translation>Minutes exported: {path}</translation>
    </message>
    <message>
        <source>未设议程</source>
        <translation>No agenda</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>汇智</source>
        <translation>Huizhi</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>详细信息已写入日志文件。</source>
        <translation>The details were written to the log file.</translation>
    </message>
</context>
</TS>
