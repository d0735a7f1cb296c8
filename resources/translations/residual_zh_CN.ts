<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::GradientNormPlot</name>
    <message>
        <source>plain</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>plain + BatchNorm</source>
        <translation>普通 + 批归一化</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>residual + BatchNorm</source>
        <translation>残差 + 批归一化</translation>
    </message>
    <message>
        <source>Layer (1 = input side)</source>
        <translation>层（1 = 输入端）</translation>
    </message>
    <message>
        <source>Gradient norm ‖∂L/∂W‖ (log scale)</source>
        <translation>梯度范数 ‖∂L/∂W‖（对数刻度）</translation>
    </message>
</context>
<context>
    <name>ns::ResidualModel</name>
    <message>
        <source>Unknown activation “%1”: choose sigmoid, tanh or ReLU.</source>
        <translation>未知的激活函数“%1”：请选择 sigmoid、tanh 或 ReLU。</translation>
    </message>
    <message>
        <source>%1 residual blocks is outside the range %2 to %3.</source>
        <translation>残差块数 %1 超出范围 %2 到 %3。</translation>
    </message>
</context>
<context>
    <name>ns::ResidualWorkspace</name>
    <message>
        <source>&amp;Activation:</source>
        <translation>激活函数(&amp;A)：</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>The hidden layers&apos; activation function in all four networks. Sigmoid shows the vanishing gradient most clearly. Changing it starts a new run.</source>
        <translation>四个网络隐藏层共用的激活函数。用 sigmoid 时梯度消失最明显。更改后重新开始训练。</translation>
    </message>
    <message>
        <source>&amp;Blocks:</source>
        <translation>残差块(&amp;B)：</translation>
    </message>
    <message>
        <source>Residual blocks per network: each block is two dense layers, plus an input and an output layer. Changing it starts a new run.</source>
        <translation>每个网络的残差块数：每块含两个全连接层，另加一个输入层和一个输出层。更改后重新开始训练。</translation>
    </message>
    <message>
        <source>Train all four networks side by side, one gradient-descent step at a time (Space)</source>
        <translation>并排训练四个网络，每次一步梯度下降（空格键）</translation>
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
        <source>Gradient per layer after the last step</source>
        <translation>上一步之后各层的梯度</translation>
    </message>
    <message>
        <source>How large ‖∂L/∂W‖ is in each weight layer: a line falling towards the input side means those layers hardly learn (vanishing gradient).</source>
        <translation>各权重层的 ‖∂L/∂W‖ 有多大：曲线越靠近输入端越低，说明这些层几乎学不到东西（梯度消失）。</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message numerus="yes">
        <source>= %n dense layers</source>
        <translation>
            <numerusform>= %n 个全连接层</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Step %1 · accuracy — %2</source>
        <translation>第 %1 步 · 准确率 — %2</translation>
    </message>
</context>
</TS>
