<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::EmbeddingMapView</name>
    <message>
        <source>%1 (the query word)</source>
        <translation>%1（查询词）</translation>
    </message>
    <message>
        <source>%1 · cosine to “%2” = %3</source>
        <translation>%1 · 与“%2”的余弦 = %3</translation>
    </message>
    <message>
        <source>PC 1 →</source>
        <translation>主成分 1 →</translation>
    </message>
    <message>
        <source>↑ PC 2</source>
        <translation>↑ 主成分 2</translation>
    </message>
</context>
<context>
    <name>ns::EmbeddingModel</name>
    <message>
        <source>Unknown corpus “%1”: choose en or zh.</source>
        <translation>未知语料“%1”：请选择 en 或 zh。</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>%1 %2 is outside %3 to %4; %5 is used.</source>
        <translation>%1 %2 超出 %3 到 %4 的范围；改用 %5。</translation>
    </message>
    <message>
        <source>The dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>The window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>The number of negatives</source>
        <translation>负样本数</translation>
    </message>
    <message>
        <source>Negatives</source>
        <translation>负样本数</translation>
    </message>
    <message>
        <source>The learning rate must be a number from %1 to %2.</source>
        <translation>学习率必须是 %1 到 %2 之间的数。</translation>
    </message>
    <message>
        <source>The learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>“%1” is not in the vocabulary of this corpus (%2 words); the query stays “%3”.</source>
        <translation>“%1”不在这个语料的词表中（共 %2 个词）；查询词仍为“%3”。</translation>
    </message>
    <message>
        <source>“%1” is not in the vocabulary of this corpus (%2 words).</source>
        <translation>“%1”不在这个语料的词表中（共 %2 个词）。</translation>
    </message>
    <message>
        <source>Unknown panel “%1”: choose map, neighbours, analogy or onehot.</source>
        <translation>未知面板“%1”：请选择 map、neighbours、analogy 或 onehot。</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the corpus the workspace opens with: en or zh</comment>
        <translation>zh</translation>
    </message>
</context>
<context>
    <name>ns::EmbeddingWorkspace</name>
    <message>
        <source>royalty</source>
        <translation>王室</translation>
    </message>
    <message>
        <source>animals</source>
        <translation>动物</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>capitals</source>
        <translation>首都</translation>
    </message>
    <message>
        <source>Changing it trains again from the seed.</source>
        <translation>修改后会从同一随机种子重新训练。</translation>
    </message>
    <message>
        <source>&amp;Corpus:</source>
        <translation>语料(&amp;C)：</translation>
    </message>
    <message>
        <source>The small built-in corpus skip-gram learns from: English or Chinese (pre-segmented into words). %1</source>
        <translation>Skip-gram 学习所用的小型内置语料：英文或中文（已按词切分）。%1</translation>
    </message>
    <message>
        <source>&amp;Dimension:</source>
        <translation>维度(&amp;D)：</translation>
    </message>
    <message>
        <source>d, the length of every dense word vector v_w (and u_w). %1</source>
        <translation>d，每个稠密词向量 v_w（以及 u_w）的长度。%1</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>How many words on each side of the centre word count as its context. %1</source>
        <translation>中心词左右各取多少个词作为上下文。%1</translation>
    </message>
    <message>
        <source>N&amp;egatives:</source>
        <translation>负样本(&amp;E)：</translation>
    </message>
    <message>
        <source>K, the noise words drawn (from the unigram distribution to the power 3/4) for every (centre, context) pair. %1</source>
        <translation>K，为每个（中心词，上下文词）对抽取的噪声词数（按一元词频的 3/4 次方分布抽取）。%1</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>学习率(&amp;L)：</translation>
    </message>
    <message>
        <source>η of plain SGD on v_c, u_o and the u_k. %1</source>
        <translation>对 v_c、u_o 和各 u_k 做普通 SGD 的步长 η。%1</translation>
    </message>
    <message>
        <source>Train skip-gram, %1 epochs a second; the map follows live (Space)</source>
        <translation>训练 skip-gram，每秒 %1 轮；地图实时更新（空格）</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>One epoch: every (centre, context) pair of the corpus once (N)</source>
        <translation>一轮：语料中的每个（中心词，上下文词）对各训练一次（N）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Start again from the same random vectors (the seed) (Ctrl+R)</source>
        <translation>从同样的随机向量（同一种子）重新开始（Ctrl+R）</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>近邻</translation>
    </message>
    <message>
        <source>Analogy</source>
        <translation>类比</translation>
    </message>
    <message>
        <source>One-hot vs dense</source>
        <translation>独热与稠密</translation>
    </message>
    <message>
        <source>Every word vector projected to 2-D by PCA, redrawn while training, with the loss</source>
        <translation>所有词向量经 PCA 投影到二维，训练时实时重绘，旁边是损失曲线</translation>
    </message>
    <message>
        <source>The words whose vectors point the most the same way as the query&apos;s (cosine)</source>
        <translation>向量方向与查询词最接近的词（余弦）</translation>
    </message>
    <message>
        <source>a − b + c: king − man + woman, answered by cosine</source>
        <translation>a − b + c：国王 − 男人 + 女人，按余弦给出答案</translation>
    </message>
    <message>
        <source>A word as a one-hot vector (V long, a single 1) and as its dense d-vector</source>
        <translation>一个词的独热向量（长 V，只有一个 1）与它的 d 维稠密向量</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Mean loss per pair</source>
        <translation>每对的平均损失</translation>
    </message>
    <message>
        <source>Skip-gram with negative sampling, for a centre word c, a context word o and K noise words k:&lt;br&gt;&lt;i&gt;L&lt;/i&gt; = −log σ(&lt;b&gt;u&lt;/b&gt;&lt;sub&gt;o&lt;/sub&gt;·&lt;b&gt;v&lt;/b&gt;&lt;sub&gt;c&lt;/sub&gt;) − Σ&lt;sub&gt;k&lt;/sub&gt; log σ(−&lt;b&gt;u&lt;/b&gt;&lt;sub&gt;k&lt;/sub&gt;·&lt;b&gt;v&lt;/b&gt;&lt;sub&gt;c&lt;/sub&gt;)</source>
        <translation>带负采样的 skip-gram，对中心词 c、上下文词 o 和 K 个噪声词 k：&lt;br&gt;&lt;i&gt;L&lt;/i&gt; = −log σ(&lt;b&gt;u&lt;/b&gt;&lt;sub&gt;o&lt;/sub&gt;·&lt;b&gt;v&lt;/b&gt;&lt;sub&gt;c&lt;/sub&gt;) − Σ&lt;sub&gt;k&lt;/sub&gt; log σ(−&lt;b&gt;u&lt;/b&gt;&lt;sub&gt;k&lt;/sub&gt;·&lt;b&gt;v&lt;/b&gt;&lt;sub&gt;c&lt;/sub&gt;)</translation>
    </message>
    <message>
        <source>&amp;Query word:</source>
        <translation>查询词(&amp;Q)：</translation>
    </message>
    <message>
        <source>The word ringed on the map, with its nearest neighbours (or click a word on the map)</source>
        <translation>地图上圈出的词及其最近邻（也可以在地图上点击一个词）</translation>
    </message>
    <message>
        <source>a word of the corpus</source>
        <translation>语料中的一个词</translation>
    </message>
    <message>
        <source>&amp;Word:</source>
        <translation>词(&amp;W)：</translation>
    </message>
    <message>
        <source>Type a word of the corpus (it completes) and press Enter</source>
        <translation>输入语料中的一个词（会自动补全），按回车</translation>
    </message>
    <message>
        <source>cos(&lt;b&gt;a&lt;/b&gt;, &lt;b&gt;b&lt;/b&gt;) = &lt;b&gt;a&lt;/b&gt;·&lt;b&gt;b&lt;/b&gt; / (‖&lt;b&gt;a&lt;/b&gt;‖ ‖&lt;b&gt;b&lt;/b&gt;‖): 1 when two vectors point the same way, 0 when they are orthogonal. Skip-gram gives words that appear in the same contexts vectors that point alike.</source>
        <translation>cos(&lt;b&gt;a&lt;/b&gt;, &lt;b&gt;b&lt;/b&gt;) = &lt;b&gt;a&lt;/b&gt;·&lt;b&gt;b&lt;/b&gt; / (‖&lt;b&gt;a&lt;/b&gt;‖ ‖&lt;b&gt;b&lt;/b&gt;‖)：两个向量方向相同时为 1，正交时为 0。出现在相同上下文中的词，skip-gram 会给它们方向相近的向量。</translation>
    </message>
    <message>
        <source>A word of the corpus; Enter to answer a − b + c</source>
        <translation>语料中的一个词；按回车求 a − b + c</translation>
    </message>
    <message>
        <source>The answer is the word (other than a, b and c) whose vector has the largest cosine to v̂_a − v̂_b + v̂_c (unit vectors). On the map the solid arrow is b → a and the dashed one the same offset from c; the cross is where a − b + c falls in the 2-D projection, which only approximates the d-dimensional answer.</source>
        <translation>答案是（a、b、c 之外）与 v̂_a − v̂_b + v̂_c（单位向量）余弦最大的词。地图上实线箭头是 b → a，虚线箭头是从 c 出发的同一位移；叉号是 a − b + c 在二维投影中的位置，它只是 d 维答案的近似。</translation>
    </message>
    <message>
        <source>W&amp;ord:</source>
        <translation>词(&amp;O)：</translation>
    </message>
    <message>
        <source>The query word, shown one-hot and dense</source>
        <translation>查询词，分别以独热和稠密形式显示</translation>
    </message>
    <message>
        <source>Compared &amp;with:</source>
        <translation>比较对象(&amp;W)：</translation>
    </message>
    <message>
        <source>A second word: the cosine of the two one-hot vectors against that of the dense ones</source>
        <translation>第二个词：比较两个独热向量的余弦与两个稠密向量的余弦</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>The %1 nearest words to “%2” by cosine</source>
        <translation>按余弦与“%2”最近的 %1 个词</translation>
    </message>
    <message>
        <source>Nearest to “%1”: %2</source>
        <translation>与“%1”最近：%2</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>没有答案</translation>
    </message>
    <message>
        <source>%1 − %2 + %3 ≈ %4</source>
        <translation>%1 − %2 + %3 ≈ %4</translation>
    </message>
    <message>
        <source>one-hot “%1”: %2 components, a single 1</source>
        <translation>独热“%1”：%2 个分量，只有一个 1</translation>
    </message>
    <message>
        <source>dense v_“%1”: %2 components</source>
        <translation>稠密 v_“%1”：%2 个分量</translation>
    </message>
    <message>
        <source>&lt;b&gt;One-hot:&lt;/b&gt; V = %1 components, %2 of them zero (sparsity 1 − 1/V). &lt;b&gt;Dense:&lt;/b&gt; d = %3 components, %4 of them zero.&lt;br&gt;cos(one-hot “%5”, one-hot “%6”) = &lt;b&gt;%7&lt;/b&gt; — two different words are always orthogonal, so one-hot vectors say nothing about meaning.&lt;br&gt;cos(v_“%5”, v_“%6”) = &lt;b&gt;%8&lt;/b&gt; — the dense vectors learned by skip-gram (epoch %9).</source>
        <translation>&lt;b&gt;独热：&lt;/b&gt;V = %1 个分量，其中 %2 为零（稀疏度 1 − 1/V）。&lt;b&gt;稠密：&lt;/b&gt;d = %3 个分量，其中 %4 为零。&lt;br&gt;cos(独热“%5”, 独热“%6”) = &lt;b&gt;%7&lt;/b&gt;——两个不同的词总是正交，独热向量不含任何词义信息。&lt;br&gt;cos(v_“%5”, v_“%6”) = &lt;b&gt;%8&lt;/b&gt;——skip-gram 学到的稠密向量（第 %9 轮）。</translation>
    </message>
    <message>
        <source>Epoch %1 · mean loss %2 · %3 words · %4 (centre, context) pairs per epoch</source>
        <translation>第 %1 轮 · 平均损失 %2 · %3 个词 · 每轮 %4 个（中心词，上下文词）对</translation>
    </message>
    <message>
        <source> · the vectors are still random: press Play (Space) to train</source>
        <translation> · 向量仍是随机的：按“播放”（空格）开始训练</translation>
    </message>
    <message>
        <source> · stopped after %1 epochs</source>
        <translation> · 已在 %1 轮后停止</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>词嵌入</translation>
    </message>
    <message>
        <source>Skip-gram word vectors trained live: the PCA map, neighbours, analogies, one-hot vs dense</source>
        <translation>实时训练的 skip-gram 词向量：PCA 地图、近邻、类比、独热与稠密</translation>
    </message>
    <message>
        <source> · the loss is no longer finite: the learning rate is too large; lower it (training starts again)</source>
        <translation> · 损失已不再是有限值：学习率太大；请调低它（训练会重新开始）</translation>
    </message>
    <message>
        <source>Every word at its two principal components; hover a word for its cosine to the query, click it to make it the query</source>
        <translation>每个词画在它的两个主成分处；鼠标悬停在词上可看它与查询词的余弦，点击可设为查询词</translation>
    </message>
    <message>
        <source>Solid arrow: b → a; dashed: the same offset from c; cross: a − b + c in 2-D</source>
        <translation>实线箭头：b → a；虚线：从 c 出发的同一位移；叉号：二维中的 a − b + c</translation>
    </message>
    <message>
        <source>Cosine to the query word; click a word to make it the query</source>
        <translation>与查询词的余弦；点击一个词可设为查询词</translation>
    </message>
    <message>
        <source>Cosine to v̂_a − v̂_b + v̂_c, a, b and c left out</source>
        <translation>与 v̂_a − v̂_b + v̂_c 的余弦，不含 a、b、c</translation>
    </message>
    <message>
        <source>One cell per word of the vocabulary: only this word&apos;s cell is 1</source>
        <translation>词表中每个词一格：只有这个词的那一格是 1</translation>
    </message>
    <message>
        <source>The d learned numbers of v_w: blue positive, orange negative</source>
        <translation>v_w 中学到的 d 个数：蓝色为正，橙色为负</translation>
    </message>
    <message>
        <source>The mean loss L over every (centre, context) pair of each epoch</source>
        <translation>每轮所有（中心词，上下文词）对的平均损失 L</translation>
    </message>
</context>
</TS>
