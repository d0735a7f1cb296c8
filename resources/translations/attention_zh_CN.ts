<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::AttentionLines</name>
    <message>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>key</source>
        <translation>键</translation>
    </message>
</context>
<context>
    <name>ns::AttentionModel</name>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Typed sentence</source>
        <translation>输入的句子</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
</context>
<context>
    <name>ns::AttentionWorkspace</name>
    <message>
        <source>QKᵀ</source>
        <translation>QKᵀ</translation>
    </message>
    <message>
        <source>÷√d_k</source>
        <translation>÷√d_k</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>·V</source>
        <translation>·V</translation>
    </message>
    <message>
        <source>&amp;Sentence</source>
        <translation>句子(&amp;S)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>A built-in sentence: English split at spaces, Chinese per character</source>
        <translation>内置句子：英文按空格切分，中文按字切分</translation>
    </message>
    <message>
        <source>or type a sentence…</source>
        <translation>或输入一句话…</translation>
    </message>
    <message>
        <source>Type a sentence and press Enter: words split at spaces, Chinese per character, padded with [PAD] to %1 tokens</source>
        <translation>输入一句话并按回车：按空格切词，中文按字切分，用 [PAD] 补齐到 %1 个词元</translation>
    </message>
    <message>
        <source>&amp;Mask</source>
        <translation>掩码(&amp;M)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>causal</source>
        <translation>因果</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>None: every query sees every key, [PAD] too · causal: query i sees keys j ≤ i (a decoder) · padding: no query sees a [PAD] key</source>
        <translation>无：每个查询都看到所有键，包括 [PAD] · 因果：查询 i 只看到 j ≤ i 的键（解码器） · 填充：任何查询都看不到 [PAD] 键</translation>
    </message>
    <message>
        <source>&amp;Temperature τ</source>
        <translation>温度 τ(&amp;T)</translation>
    </message>
    <message>
        <source>Every score multiplied by τ (the queries are): τ = 2 = √d_k undoes the ÷√d_k, larger τ makes softmax saturate</source>
        <translation>每个分数乘以 τ（乘在查询上）：τ = 2 = √d_k 抵消 ÷√d_k，τ 更大则 softmax 饱和</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>层(&amp;L)</translation>
    </message>
    <message>
        <source>The encoder block whose attention is shown ([ and ] switch heads)</source>
        <translation>显示其注意力的编码器块（[ 和 ] 切换头）</translation>
    </message>
    <message>
        <source>&amp;Head</source>
        <translation>头(&amp;H)</translation>
    </message>
    <message>
        <source>The head shown (each has its own W_Q, W_K, W_V; [ and ] switch)</source>
        <translation>显示的头（每个头有自己的 W_Q、W_K、W_V；[ 和 ] 切换）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the English sentence, padding mask, τ = 1 (Ctrl+R)</source>
        <translation>回到英文句子、填充掩码、τ = 1（Ctrl+R）</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>All heads</source>
        <translation>所有头</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>连线</translation>
    </message>
    <message>
        <source>Positional encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>QKᵀ → ÷√d_k → mask → softmax → ·V for one head, with the numbers</source>
        <translation>一个头的 QKᵀ → ÷√d_k → 掩码 → softmax → ·V，带数值</translation>
    </message>
    <message>
        <source>The weights of every head of the layer side by side</source>
        <translation>这一层每个头的权重并排显示</translation>
    </message>
    <message>
        <source>Where each token attends, as lines from the queries to the keys</source>
        <translation>每个词元关注哪里：从查询到键的连线</translation>
    </message>
    <message>
        <source>The sinusoidal encoding added to the embeddings (eqs. 84–85)</source>
        <translation>加到嵌入上的正弦位置编码（式 84–85）</translation>
    </message>
    <message>
        <source>Q Kᵀ: the dot product of every query with every key (Space or N: next stage, B: back)</source>
        <translation>Q Kᵀ：每个查询与每个键的点积（空格或 N：下一阶段，B：上一阶段）</translation>
    </message>
    <message>
        <source>The scores divided by √d_k = 2</source>
        <translation>分数除以 √d_k = 2</translation>
    </message>
    <message>
        <source>Masked entries set to −∞, so softmax gives them weight 0</source>
        <translation>被掩盖的元素设为 −∞，softmax 给它们的权重为 0</translation>
    </message>
    <message>
        <source>softmax over each row: the attention weights α, each row sums to 1</source>
        <translation>对每一行做 softmax：注意力权重 α，每行之和为 1</translation>
    </message>
    <message>
        <source>The head&apos;s output: each row the α-weighted average of the values V</source>
        <translation>该头的输出：每一行是值 V 按 α 加权的平均</translation>
    </message>
    <message>
        <source>The clicked cell, numbers substituted</source>
        <translation>所点单元格，代入数值</translation>
    </message>
    <message>
        <source>position pos</source>
        <translation>位置 pos</translation>
    </message>
    <message>
        <source>PE(pos, i)</source>
        <translation>PE(pos, i)</translation>
    </message>
    <message>
        <source>The softmax weights of all %1 heads of this layer: each head looks for something else. Click a head to show it.</source>
        <translation>这一层全部 %1 个头的 softmax 权重：每个头在找不同的东西。点击一个头即可显示它。</translation>
    </message>
    <message>
        <source>Each line joins a query (left) to a key (right), as thick as its weight α. Click a token to see only where it attends.</source>
        <translation>每条线连接一个查询（左）和一个键（右），粗细对应权重 α。点击一个词元，只看它关注哪里。</translation>
    </message>
    <message>
        <source>PE[pos, 2i] = sin(pos / 10000^{2i/d}), PE[pos, 2i+1] = cos(pos / 10000^{2i/d}) (eqs. 84–85, d = %1). Right: PE·PEᵀ, the dot products between positions — they depend on the distance, not on where the pair is.</source>
        <translation>PE[pos, 2i] = sin(pos / 10000^{2i/d})，PE[pos, 2i+1] = cos(pos / 10000^{2i/d})（式 84–85，d = %1）。右：PE·PEᵀ，位置之间的点积——只取决于距离，与这一对位置在哪里无关。</translation>
    </message>
    <message>
        <source>Layer %1, head %2: %3</source>
        <translation>第 %1 层，头 %2：%3</translation>
    </message>
    <message>
        <source>τ = %1 · mean largest weight per row: &lt;b&gt;%2&lt;/b&gt; (1 = softmax saturated, one key takes everything; 1/%3 = uniform)</source>
        <translation>τ = %1 · 每行最大权重的平均：&lt;b&gt;%2&lt;/b&gt;（1 = softmax 饱和，一个键拿走全部；1/%3 = 均匀）</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d62728&apos;&gt;The sentence has more than %1 tokens: only the first %1 are used.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d62728&apos;&gt;句子超过 %1 个词元：只使用前 %1 个。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>Layer %1, head %2: α</source>
        <translation>第 %1 层，头 %2：α</translation>
    </message>
    <message>
        <source>PE (positions × dimensions)</source>
        <translation>PE（位置 × 维度）</translation>
    </message>
    <message>
        <source>PE·PEᵀ (position × position)</source>
        <translation>PE·PEᵀ（位置 × 位置）</translation>
    </message>
    <message>
        <source>dimension %1 (%2)</source>
        <translation>第 %1 维（%2）</translation>
    </message>
    <message>
        <source>Click a cell of the matrix (or a token at its left) to see how its number is made.</source>
        <translation>点击矩阵中的一个单元格（或左侧的词元），查看它的数值是怎样算出来的。</translation>
    </message>
    <message>
        <source>query i = %1 (“%2”)</source>
        <translation>查询 i = %1（“%2”）</translation>
    </message>
    <message>
        <source>o&lt;sub&gt;%1,%2&lt;/sub&gt; = Σ&lt;sub&gt;j&lt;/sub&gt; α&lt;sub&gt;%1,j&lt;/sub&gt; v&lt;sub&gt;j,%2&lt;/sub&gt; = %3 = %4</source>
        <translation>o&lt;sub&gt;%1,%2&lt;/sub&gt; = Σ&lt;sub&gt;j&lt;/sub&gt; α&lt;sub&gt;%1,j&lt;/sub&gt; v&lt;sub&gt;j,%2&lt;/sub&gt; = %3 = %4</translation>
    </message>
    <message>
        <source>(the trace: %1)</source>
        <translation>（追踪中的值：%1）</translation>
    </message>
    <message>
        <source>key j = %1 (“%2”)</source>
        <translation>键 j = %1（“%2”）</translation>
    </message>
    <message>
        <source>q&lt;sub&gt;%1&lt;/sub&gt;·k&lt;sub&gt;%2&lt;/sub&gt; = %3 = %4</source>
        <translation>q&lt;sub&gt;%1&lt;/sub&gt;·k&lt;sub&gt;%2&lt;/sub&gt; = %3 = %4</translation>
    </message>
    <message>
        <source>(τ = %1 multiplies every query, so every q·k is τ times what it was at τ = 1)</source>
        <translation>（τ = %1 乘在每个查询上，所以每个 q·k 都是 τ = 1 时的 τ 倍）</translation>
    </message>
    <message>
        <source>s&lt;sub&gt;%1,%2&lt;/sub&gt; = q&lt;sub&gt;%1&lt;/sub&gt;·k&lt;sub&gt;%2&lt;/sub&gt; / √d&lt;sub&gt;k&lt;/sub&gt; = %3 / √%4 = %5</source>
        <translation>s&lt;sub&gt;%1,%2&lt;/sub&gt; = q&lt;sub&gt;%1&lt;/sub&gt;·k&lt;sub&gt;%2&lt;/sub&gt; / √d&lt;sub&gt;k&lt;/sub&gt; = %3 / √%4 = %5</translation>
    </message>
    <message>
        <source>key %1 comes after query %2</source>
        <translation>键 %1 在查询 %2 之后</translation>
    </message>
    <message>
        <source>key %1 is [PAD]</source>
        <translation>键 %1 是 [PAD]</translation>
    </message>
    <message>
        <source>masked: %1, so s&lt;sub&gt;%2,%3&lt;/sub&gt; = −∞</source>
        <translation>被掩盖：%1，所以 s&lt;sub&gt;%2,%3&lt;/sub&gt; = −∞</translation>
    </message>
    <message>
        <source>not masked: s&lt;sub&gt;%1,%2&lt;/sub&gt; = %3</source>
        <translation>未被掩盖：s&lt;sub&gt;%1,%2&lt;/sub&gt; = %3</translation>
    </message>
    <message>
        <source>α&lt;sub&gt;%1,%2&lt;/sub&gt; = e&lt;sup&gt;s&lt;sub&gt;%1,%2&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;s&lt;sub&gt;%1,k&lt;/sub&gt;&lt;/sup&gt; = %3 / %4 = %5</source>
        <translation>α&lt;sub&gt;%1,%2&lt;/sub&gt; = e&lt;sup&gt;s&lt;sub&gt;%1,%2&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;s&lt;sub&gt;%1,k&lt;/sub&gt;&lt;/sup&gt; = %3 / %4 = %5</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>softmax(QKᵀ/√d_k)V stage by stage, heads, masks and positional encoding</source>
        <translation>逐阶段看 softmax(QKᵀ/√d_k)V、多头、掩码与位置编码</translation>
    </message>
    <message>
        <source>temperature τ (× marks τ = √d_k: no ÷√d_k)</source>
        <translation>温度 τ（× 标出 τ = √d_k：相当于不做 ÷√d_k）</translation>
    </message>
    <message>
        <source>mean largest weight</source>
        <translation>每行最大权重的平均</translation>
    </message>
</context>
<context>
    <name>ns::MatrixHeatmap</name>
    <message>
        <source>%1 (row %2: %3, column %4: %5) = %6</source>
        <translation>%1（第 %2 行：%3，第 %4 列：%5）= %6</translation>
    </message>
</context>
</TS>
