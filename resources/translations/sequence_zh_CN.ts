<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::EquationPanel</name>
    <message>
        <source>Click a step of the unrolled network to see its equations.</source>
        <translation>点击展开网络中的某一步，查看它的公式。</translation>
    </message>
    <message>
        <source>Step t = %1, unit j = %2 (%3)</source>
        <translation>第 t = %1 步，单元 j = %2（%3）</translation>
    </message>
    <message>
        <source>x&lt;sub&gt;t&lt;/sub&gt; = %1, &amp;nbsp; %2 = %3</source>
        <translation>x&lt;sub&gt;t&lt;/sub&gt; = %1， &amp;nbsp; %2 = %3</translation>
    </message>
    <message>
        <source>target %1 · network answers %2</source>
        <translation>目标 %1 · 网络回答 %2</translation>
    </message>
</context>
<context>
    <name>ns::SequenceModel</name>
    <message>
        <source>Unknown task “%1”: choose remember_first, adding, sine or characters.</source>
        <translation>未知任务“%1”：请选择 remember_first、adding、sine 或 characters。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>A sequence of %1 steps is outside the range %2 to %3.</source>
        <translation>%1 步的序列超出了 %2 到 %3 的范围。</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>Unknown cell “%1”: choose rnn, lstm or gru.</source>
        <translation>未知单元“%1”：请选择 rnn、lstm 或 gru。</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>A W_h scale of %1 is outside the range %2 to %3.</source>
        <translation>W_h 缩放 %1 超出了 %2 到 %3 的范围。</translation>
    </message>
    <message>
        <source>W_h scale</source>
        <translation>W_h 缩放</translation>
    </message>
    <message>
        <source>Clipping on</source>
        <translation>开启裁剪</translation>
    </message>
    <message>
        <source>Clipping off</source>
        <translation>关闭裁剪</translation>
    </message>
    <message>
        <source>A temperature of %1 is outside the range %2 to %3.</source>
        <translation>温度 %1 超出了 %2 到 %3 的范围。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>开头文本</translation>
    </message>
</context>
<context>
    <name>ns::SequenceWorkspace</name>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>remember the first</source>
        <translation>记住第一个</translation>
    </message>
    <message>
        <source>adding problem</source>
        <translation>加法问题</translation>
    </message>
    <message>
        <source>sine wave</source>
        <translation>正弦波</translation>
    </message>
    <message>
        <source>characters (zh + en)</source>
        <translation>字符（中文 + 英文）</translation>
    </message>
    <message>
        <source>The toy task all three cells learn. Remember the first: name the first symbol at the last step (long range). Adding: the sum of the two marked values. Sine: the next value. Characters: the next character of a Chinese and English text. Changing it starts a new run.</source>
        <translation>三种单元共同学习的玩具任务。记住第一个：在最后一步说出第一个符号（长程依赖）。加法：两个被标记数值之和。正弦：下一个值。字符：中英文文本的下一个字符。更改后重新开始训练。</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>长度(&amp;L)：</translation>
    </message>
    <message>
        <source>T, the number of time steps of every sequence. Long sequences make the plain RNN&apos;s gradient vanish. Changing it starts a new run.</source>
        <translation>T，每个序列的时间步数。序列越长，普通 RNN 的梯度越容易消失。更改后重新开始训练。</translation>
    </message>
    <message>
        <source>&amp;Cell:</source>
        <translation>单元(&amp;C)：</translation>
    </message>
    <message>
        <source>The cell drawn unrolled and whose equations are shown: plain RNN, LSTM or GRU</source>
        <translation>展开绘制并显示公式的单元：普通 RNN、LSTM 或 GRU</translation>
    </message>
    <message>
        <source>Train the RNN, the LSTM and the GRU side by side, one Adam step each at a time (Space)</source>
        <translation>并排训练 RNN、LSTM 和 GRU，每次各走一步 Adam（空格）</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>One training step of all three cells (N)</source>
        <translation>三种单元各训练一步（N）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Start again from the same initial weights</source>
        <translation>从相同的初始权重重新开始</translation>
    </message>
    <message>
        <source>Unrolled network</source>
        <translation>展开的网络</translation>
    </message>
    <message>
        <source>Backpropagation through time</source>
        <translation>随时间反向传播</translation>
    </message>
    <message>
        <source>Trained live</source>
        <translation>实时训练</translation>
    </message>
    <message>
        <source>The cell once per time step, its gates as heatmaps, and one step&apos;s equations</source>
        <translation>每个时间步画一次单元，门以热力图显示，并给出某一步的公式</translation>
    </message>
    <message>
        <source>How large ∂L/∂h_t is at every step: vanishing and exploding gradients</source>
        <translation>每一步 ∂L/∂h_t 有多大：梯度消失与梯度爆炸</translation>
    </message>
    <message>
        <source>RNN, LSTM and GRU trained on the same task, length and seed</source>
        <translation>RNN、LSTM 与 GRU 在相同任务、长度和随机种子下训练</translation>
    </message>
    <message>
        <source>Click a step (or use [ and ]) to see its equations with the numbers of the trace</source>
        <translation>点击某一步（或使用 [ 和 ]），查看代入追踪数值的公式</translation>
    </message>
    <message>
        <source>Gates and states per step (rows: units, columns: time)</source>
        <translation>每一步的门与状态（行：单元，列：时间）</translation>
    </message>
    <message>
        <source>Sigmoid gates from white (0, closed) to blue (1, open); tanh values and the cell state from orange (negative) to blue (positive). Click to choose a step and a unit.</source>
        <translation>sigmoid 门从白色（0，关闭）到蓝色（1，打开）；tanh 值与细胞状态从橙色（负）到蓝色（正）。点击选择时间步和单元。</translation>
    </message>
    <message>
        <source>The selected step&apos;s equations</source>
        <translation>所选时间步的公式</translation>
    </message>
    <message>
        <source>&amp;W_h scale:</source>
        <translation>W_h 缩放(&amp;W)：</translation>
    </message>
    <message>
        <source>Multiplies the recurrent weights (those acting on h_{t−1}) of the traced copy: above 1 the gradient can explode, below 1 it vanishes faster. Training is not affected.</source>
        <translation>把追踪副本的循环权重（作用于 h_{t−1} 的权重）乘以该值：大于 1 时梯度可能爆炸，小于 1 时消失得更快。不影响训练。</translation>
    </message>
    <message>
        <source>&amp;Clip gradient</source>
        <translation>裁剪梯度(&amp;C)</translation>
    </message>
    <message>
        <source>Show the gradient after clipping by norm: when ‖∂L/∂θ‖ exceeds %1, every gradient is scaled by %1/‖∂L/∂θ‖ (the direction is kept)</source>
        <translation>显示按范数裁剪后的梯度：当 ‖∂L/∂θ‖ 超过 %1 时，所有梯度乘以 %1/‖∂L/∂θ‖（方向不变）</translation>
    </message>
    <message>
        <source>Forward only</source>
        <translation>仅前向</translation>
    </message>
    <message>
        <source>Hide the gradient and step it back through time from the last step</source>
        <translation>隐藏梯度，从最后一步开始逐步向前传回</translation>
    </message>
    <message>
        <source>&amp;Back one step</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <source>Reveal ∂L/∂h_t one step further back in time (B)</source>
        <translation>把 ∂L/∂h_t 再向前显示一步（B）</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>全部显示(&amp;A)</translation>
    </message>
    <message>
        <source>Reveal the gradient at every step</source>
        <translation>显示每一步的梯度</translation>
    </message>
    <message>
        <source>Time step t</source>
        <translation>时间步 t</translation>
    </message>
    <message>
        <source>‖∂L/∂h_t‖</source>
        <translation>‖∂L/∂h_t‖</translation>
    </message>
    <message>
        <source>Training step</source>
        <translation>训练步</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>开头(&amp;P)：</translation>
    </message>
    <message>
        <source>The text each character model continues (characters it has never seen are skipped)</source>
        <translation>每个字符模型要续写的文本（没见过的字符会被跳过）</translation>
    </message>
    <message>
        <source>T&amp;emperature:</source>
        <translation>温度(&amp;E)：</translation>
    </message>
    <message>
        <source>Sampling temperature: low is nearly greedy, high is more random</source>
        <translation>采样温度：低则接近贪心，高则更随机</translation>
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
        <source>%1: ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖ = %2</source>
        <translation>%1：‖∂L/∂h₁‖ / ‖∂L/∂h_T‖ = %2</translation>
    </message>
    <message>
        <source> (‖∂L/∂θ‖ = %1, clipped × %2)</source>
        <translation>（‖∂L/∂θ‖ = %1，裁剪 × %2）</translation>
    </message>
    <message numerus="yes">
        <source>Gradient revealed for %n of the last steps</source>
        <translation>
            <numerusform>已显示最后 %n 步的梯度</numerusform>
        </translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <source>, accuracy %1 %</source>
        <translation>，准确率 %1 %</translation>
    </message>
    <message>
        <source>Step %1 · %2</source>
        <translation>第 %1 步 · %2</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt; greedy: %3&lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt; 贪心：%3&lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt; temperature %3: %4&lt;b&gt;%5&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt; 温度 %3：%4&lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>RNN, LSTM and GRU unrolled through time, BPTT and training on toy tasks</source>
        <translation>按时间展开的 RNN、LSTM 与 GRU，随时间反向传播，以及玩具任务上的训练</translation>
    </message>
</context>
<context>
    <name>ns::UnrolledView</name>
    <message>
        <source>No sequence traced yet</source>
        <translation>尚未追踪任何序列</translation>
    </message>
    <message>
        <source>Steps %1–%2 of %3 · unit %4 of %5</source>
        <translation>第 %1–%2 步（共 %3 步）· 单元 %4（共 %5 个）</translation>
    </message>
</context>
</TS>
