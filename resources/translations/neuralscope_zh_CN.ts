<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::MainWindow</name>
    <message>
        <source>About NeuralScope</source>
        <translation>关于 NeuralScope</translation>
    </message>
    <message>
        <source>&lt;b&gt;NeuralScope&lt;/b&gt;&lt;br&gt;See a neural network learn, one number at a time.&lt;br&gt;Offline, in English and Simplified Chinese.</source>
        <translation>&lt;b&gt;NeuralScope&lt;/b&gt;&lt;br&gt;亲眼看神经网络学习，每一个数字都看得见。&lt;br&gt;离线可用，支持简体中文与英文。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The translation for this language is missing from this build; the interface stays in English.</source>
        <translation>此版本缺少该语言的翻译，界面将保持英文。</translation>
    </message>
    <message>
        <source>NeuralScope — the textbook's 4-8-4-1 network</source>
        <translation>NeuralScope — 教材中的 4-8-4-1 网络</translation>
    </message>
    <message>
        <source>&lt;b&gt;The complete example of the textbook (§3):&lt;/b&gt; 4 inputs → 8 ReLU → 4 ReLU → 1 sigmoid, 81 parameters, binary cross-entropy, gradient descent. Task: y = 1 when x₁ + x₂ + x₃ + x₄ &gt; 0, on 1000 random samples.</source>
        <translation>&lt;b&gt;教材中的完整示例（第 3 节）：&lt;/b&gt;4 个输入 → 8 个 ReLU → 4 个 ReLU → 1 个 Sigmoid，共 81 个参数，二元交叉熵损失，梯度下降。任务：当 x₁ + x₂ + x₃ + x₄ &gt; 0 时 y = 1，共 1000 个随机样本。</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>单步 ▸</translation>
    </message>
    <message>
        <source>Train exactly one epoch (→)</source>
        <translation>只训练一轮（→）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the same initial weights, epoch 0 (Ctrl+R)</source>
        <translation>回到相同的初始权重，第 0 轮（Ctrl+R）</translation>
    </message>
    <message>
        <source>Save screenshot…</source>
        <translation>保存截图…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Learning rate η </source>
        <translation>学习率 η </translation>
    </message>
    <message>
        <source>Step size of gradient descent: W ← W − η ∂L/∂W</source>
        <translation>梯度下降的步长：W ← W − η ∂L/∂W</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Epochs per second while playing</source>
        <translation>播放时每秒训练的轮数</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>每秒 %1 轮</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source> Sample # </source>
        <translation> 样本编号 </translation>
    </message>
    <message>
        <source>Which training sample the neurons show</source>
        <translation>神经元显示哪一个训练样本的激活值</translation>
    </message>
    <message>
        <source>Pause ❚❚</source>
        <translation>暂停 ❚❚</translation>
    </message>
    <message>
        <source>Play ▶</source>
        <translation>播放 ▶</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>Loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <source>Loss —</source>
        <translation>损失 —</translation>
    </message>
    <message>
        <source>Accuracy %1 %</source>
        <translation>准确率 %1 %</translation>
    </message>
    <message>
        <source>Accuracy —</source>
        <translation>准确率 —</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training paused: it diverged.&lt;/b&gt; The loss stopped being a finite number, so the last update was not applied. Lower the learning rate η and press Reset (Ctrl+R).&lt;br&gt;&lt;small&gt;%1&lt;/small&gt;</source>
        <translation>&lt;b&gt;训练已暂停：发散了。&lt;/b&gt;损失不再是有限的数，最后一次更新没有被应用。请降低学习率 η，然后按“重置”（Ctrl+R）。&lt;br&gt;&lt;small&gt;%1&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>保存截图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1. Choose a folder you can write to.</source>
        <translation>无法写入 %1。请选择一个可写的文件夹。</translation>
    </message>
</context>
<context>
    <name>ns::NetworkView</name>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>Input layer</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>Edges: blue w &gt; 0, orange w &lt; 0, width |w|.  Neurons: activation for sample #%1.</source>
        <translation>连线：蓝色 w &gt; 0，橙色 w &lt; 0，粗细表示 |w|。神经元：第 %1 个样本的激活值。</translation>
    </message>
    <message>
        <source>Edges: blue w &gt; 0, orange w &lt; 0, width |w|.</source>
        <translation>连线：蓝色 w &gt; 0，橙色 w &lt; 0，粗细表示 |w|。</translation>
    </message>
    <message>
        <source>%1, neuron %2</source>
        <translation>%1，第 %2 个神经元</translation>
    </message>
    <message>
        <source>1 neuron</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <source>%1 neurons</source>
        <translation>%1 个神经元</translation>
    </message>
</context>
<context>
    <name>ns::SessionModel</name>
    <message>
        <source>Change learning rate</source>
        <translation>修改学习率</translation>
    </message>
    <message>
        <source>Change speed</source>
        <translation>修改速度</translation>
    </message>
    <message>
        <source>Change input x%1</source>
        <translation>修改输入 x%1</translation>
    </message>
    <message>
        <source>Change target y%1</source>
        <translation>修改目标 y%1</translation>
    </message>
    <message>
        <source>Change a weight</source>
        <translation>修改权重</translation>
    </message>
    <message>
        <source>Change a bias</source>
        <translation>修改偏置</translation>
    </message>
    <message>
        <source>Change the step's learning rate</source>
        <translation>修改本步的学习率</translation>
    </message>
    <message>
        <source>Restart the step</source>
        <translation>重新开始这一步</translation>
    </message>
    <message>
        <source>Next training step</source>
        <translation>下一步训练</translation>
    </message>
</context>
<context>
    <name>ns::TrainingCurve</name>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>Epoch %1
Loss %2
Accuracy %3</source>
        <translation>第 %1 轮
损失 %2
准确率 %3</translation>
    </message>
</context>
</TS>
