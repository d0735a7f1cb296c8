<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LabFile</name>
    <message>
        <source>expected an object</source>
        <translation>应为一个对象</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>应为一个数</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2</source>
        <translation>应为 %1 到 %2 之间的数</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>应为 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>expected a seed (a whole number as text)</source>
        <translation>应为一个种子（用文本写出的整数）</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>应为一个列表</translation>
    </message>
    <message>
        <source>expected a list of %1, found %2</source>
        <translation>应为 %1 项的列表，实际为 %2 项</translation>
    </message>
    <message>
        <source>expected a name</source>
        <translation>应为一个名称</translation>
    </message>
    <message>
        <source>unknown name “%1”</source>
        <translation>未知的名称“%1”</translation>
    </message>
    <message>
        <source>every weight must be a finite number</source>
        <translation>每个权重都必须是有限的数</translation>
    </message>
    <message>
        <source>at most %1 hidden layers</source>
        <translation>最多 %1 个隐藏层</translation>
    </message>
    <message>
        <source>expected “average” or “velocity”</source>
        <translation>应为“average”或“velocity”</translation>
    </message>
    <message>
        <source>does not fit the task</source>
        <translation>与任务不符</translation>
    </message>
    <message>
        <source>expected one value per class</source>
        <translation>每个类别应对应一个值</translation>
    </message>
    <message>
        <source>expected 2 to %1 points, found %2</source>
        <translation>应有 2 到 %1 个点，实际为 %2 个</translation>
    </message>
    <message>
        <source>expected 1 to %1 coordinates</source>
        <translation>应有 1 到 %1 个坐标</translation>
    </message>
    <message>
        <source>expected a finite number</source>
        <translation>应为有限的数</translation>
    </message>
    <message>
        <source>expected a class from 0 to %1</source>
        <translation>应为 0 到 %1 之间的类别</translation>
    </message>
    <message>
        <source>the layer sizes do not match the data, features and architecture</source>
        <translation>各层大小与数据、特征和网络结构不符</translation>
    </message>
    <message>
        <source>does not match the architecture</source>
        <translation>与网络结构不符</translation>
    </message>
    <message>
        <source>every bias must be a finite number</source>
        <translation>每个偏置都必须是有限的数</translation>
    </message>
    <message>
        <source>expected an epoch number first</source>
        <translation>第一项应为轮次编号</translation>
    </message>
    <message>
        <source>expected at most one switch per hidden layer (%1)</source>
        <translation>每个隐藏层最多一个开关（共 %1 个）</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
</context>
<context>
    <name>LabText</name>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯团</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>3-class blobs</source>
        <translation>三类高斯团</translation>
    </message>
    <message>
        <source>3-class spiral</source>
        <translation>三类螺旋</translation>
    </message>
    <message>
        <source>Regression: plane</source>
        <translation>回归：平面</translation>
    </message>
    <message>
        <source>Regression: Gaussians</source>
        <translation>回归：高斯</translation>
    </message>
    <message>
        <source>Textbook: 4 features, y = [Σx &gt; 0]</source>
        <translation>教材：4 个特征，y = [Σx &gt; 0]</translation>
    </message>
    <message>
        <source>Imported CSV</source>
        <translation>导入的 CSV</translation>
    </message>
    <message>
        <source>binary classification</source>
        <translation>二分类</translation>
    </message>
    <message>
        <source>multiclass classification</source>
        <translation>多分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>均方误差（MSE）</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>平均绝对误差（MAE）</translation>
    </message>
    <message>
        <source>Huber</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Cross-entropy (softmax)</source>
        <translation>交叉熵（softmax）</translation>
    </message>
    <message>
        <source>Focal</source>
        <translation>Focal 损失</translation>
    </message>
    <message>
        <source>Batch gradient descent</source>
        <translation>批量梯度下降</translation>
    </message>
    <message>
        <source>SGD (one sample)</source>
        <translation>随机梯度下降（单样本）</translation>
    </message>
    <message>
        <source>Mini-batch gradient descent</source>
        <translation>小批量梯度下降</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <source>Warmup + cosine</source>
        <translation>预热 + 余弦</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>the file has no data lines</source>
        <translation>文件中没有数据行</translation>
    </message>
    <message>
        <source>expected at least 2 columns (features, then the label), found %1</source>
        <translation>至少应有 2 列（特征，最后是标签），实际为 %1 列</translation>
    </message>
    <message>
        <source>at most %1 feature columns are supported, found %2</source>
        <translation>最多支持 %1 个特征列，实际为 %2 个</translation>
    </message>
    <message>
        <source>expected %1 fields like the first line, found %2</source>
        <translation>应与第一行一样有 %1 个字段，实际为 %2 个</translation>
    </message>
    <message>
        <source>column %1 is empty</source>
        <translation>第 %1 列为空</translation>
    </message>
    <message>
        <source>column %1: “%2” is not a number</source>
        <translation>第 %1 列：“%2”不是数</translation>
    </message>
    <message>
        <source>column %1: “%2” is not a finite number</source>
        <translation>第 %1 列：“%2”不是有限的数</translation>
    </message>
    <message>
        <source>expected at least 2 data lines, found %1</source>
        <translation>至少应有 2 行数据，实际为 %1 行</translation>
    </message>
    <message>
        <source>at most %1 data lines are supported</source>
        <translation>最多支持 %1 行数据</translation>
    </message>
    <message>
        <source>every label is %1: there is nothing to learn</source>
        <translation>所有标签都是 %1：没有可学习的内容</translation>
    </message>
    <message>
        <source>the file has %1 bytes, more than the limit of %2 bytes</source>
        <translation>文件有 %1 字节，超过了 %2 字节的上限</translation>
    </message>
    <message>
        <source>the line has %1 characters, more than the limit of %2</source>
        <translation>这一行有 %1 个字符，超过了 %2 的上限</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>%1: use .png, .pdf or .svg</source>
        <translation>%1：请使用 .png、.pdf 或 .svg</translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation>%1：无法写入</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>Export image (PNG, PDF, SVG)…</source>
        <translation>导出图片（PNG、PDF、SVG）…</translation>
    </message>
    <message>
        <source>Export data (CSV)…</source>
        <translation>导出数据（CSV）…</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Images (*.png *.pdf *.svg)</source>
        <translation>图片 (*.png *.pdf *.svg)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ns::ActivationExplorer</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>α of Leaky ReLU and ELU: %1</source>
        <translation>Leaky ReLU 与 ELU 的 α：%1</translation>
    </message>
    <message>
        <source>The textbook uses α = 0.01 for Leaky ReLU (eq. 13) and α = 1 for ELU (eq. 15)</source>
        <translation>教材中 Leaky ReLU 取 α = 0.01（式 13），ELU 取 α = 1（式 15）</translation>
    </message>
    <message>
        <source>Layers a gradient passes through</source>
        <translation>梯度要穿过的层数</translation>
    </message>
    <message>
        <source>Solid: σ(z). Dashed: σ′(z). Backpropagation multiplies a gradient by σ′ once per layer (δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾)); where σ′ is small the gradient vanishes (seed 004 §2).</source>
        <translation>实线：σ(z)。虚线：σ′(z)。反向传播每经过一层，梯度就乘一次 σ′（δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾)）；σ′ 很小的地方，梯度就会消失（教材 004 §2）。</translation>
    </message>
    <message>
        <source>σ(z) and σ′(z)</source>
        <translation>σ(z) 与 σ′(z)</translation>
    </message>
    <message>
        <source>%1′</source>
        <translation>%1′</translation>
    </message>
    <message>
        <source>max σ′ = %1 at z = %2</source>
        <translation>σ′ 最大值 = %1（z = %2）</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1: max σ′ = %2, after %3 layers ≤ &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;br&gt;%1：σ′ 最大为 %2，经过 %3 层后 ≤ &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>How much of a gradient can survive %1 layers:</source>
        <translation>梯度穿过 %1 层后最多还剩多少：</translation>
    </message>
</context>
<context>
    <name>ns::CnnWorkspace</name>
    <message>
        <source>CNN</source>
        <translation>CNN 实时训练</translation>
    </message>
    <message>
        <source>LeNet-5 trained live: curves, feature maps, filters, confusion matrix</source>
        <translation>实时训练 LeNet-5：曲线、特征图、卷积核、混淆矩阵</translation>
    </message>
</context>
<context>
    <name>ns::ConvolutionWorkspace</name>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>The sliding window: convolution, pooling, receptive field</source>
        <translation>滑动窗口：卷积、池化、感受野</translation>
    </message>
</context>
<context>
    <name>ns::DecisionBoundaryView</name>
    <message>
        <source>Click: add a point of the chosen class · Shift+click: the other class · Ctrl+click: remove the nearest point</source>
        <translation>单击：添加所选类别的点 · Shift+单击：另一类 · Ctrl+单击：删除最近的点</translation>
    </message>
    <message>
        <source>p(class 2) = %1</source>
        <translation>p(类别 2) = %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>ŷ = %1</source>
        <translation>ŷ = %1</translation>
    </message>
</context>
<context>
    <name>ns::FunctionPlotView</name>
    <message>
        <source>prediction ŷ (target y = %1)</source>
        <translation>预测值 ŷ（目标 y = %1）</translation>
    </message>
    <message>
        <source>loss ℓ</source>
        <translation>损失 ℓ</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>slope</source>
        <translation>斜率</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>导数</translation>
    </message>
    <message>
        <source>Also draw the slope of each curve (dashed)</source>
        <translation>同时画出每条曲线的斜率（虚线）</translation>
    </message>
    <message>
        <source>Drag across the plot to move the probe (red line).</source>
        <translation>在图上拖动即可移动探针（红线）。</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
</context>
<context>
    <name>ns::GuardedApplication</name>
    <message>
        <source>There was not enough memory for the last action, so it was not carried out; everything else is as it was. Try a smaller data set, network or batch, or close other programs.</source>
        <translation>内存不足，上一个操作没有执行；其他一切保持原样。请试试更小的数据集、网络或批量，或关闭其他程序。</translation>
    </message>
    <message>
        <source>The last action failed and was not carried out; everything else is as it was.

%1</source>
        <translation>上一个操作失败，没有执行；其他一切保持原样。

%1</translation>
    </message>
    <message>
        <source>NeuralScope</source>
        <translation>NeuralScope</translation>
    </message>
</context>
<context>
    <name>ns::LabCurves</name>
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
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Epoch %1
Training loss %2
Test loss %3</source>
        <translation>第 %1 轮
训练损失 %2
测试损失 %3</translation>
    </message>
    <message>
        <source>
Training accuracy %1
Test accuracy %2</source>
        <translation>
训练准确率 %1
测试准确率 %2</translation>
    </message>
</context>
<context>
    <name>ns::LabModel</name>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1: not JSON (%2 at byte %3)</source>
        <translation>%1：不是 JSON（第 %3 字节：%2）</translation>
    </message>
    <message>
        <source>not a NeuralScope lab file</source>
        <translation>不是 NeuralScope 实验文件</translation>
    </message>
    <message>
        <source>version %1 is not supported</source>
        <translation>不支持版本 %1</translation>
    </message>
    <message>
        <source>does not fit the data&apos;s task</source>
        <translation>与数据的任务不符</translation>
    </message>
    <message>
        <source>features apply to 2-D data only</source>
        <translation>特征变换只适用于二维数据</translation>
    </message>
    <message>
        <source>expected one value per parameter (%1)</source>
        <translation>每个参数应对应一个值（共 %1 个）</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>at most %1 hidden layers</source>
        <translation>最多 %1 个隐藏层</translation>
    </message>
    <message>
        <source>one activation per hidden layer</source>
        <translation>每个隐藏层需要一个激活函数</translation>
    </message>
    <message>
        <source>a hidden layer has 1 to %1 neurons</source>
        <translation>每个隐藏层有 1 到 %1 个神经元</translation>
    </message>
    <message>
        <source>%1 is not a hidden-layer activation</source>
        <translation>%1 不能用作隐藏层的激活函数</translation>
    </message>
    <message>
        <source>choose at least one input feature</source>
        <translation>请至少选择一个输入特征</translation>
    </message>
    <message>
        <source>the loss is no longer a finite number</source>
        <translation>损失不再是有限的数</translation>
    </message>
    <message>
        <source>a gradient is no longer a finite number</source>
        <translation>某个梯度不再是有限的数</translation>
    </message>
    <message>
        <source>a weight grew beyond 10⁶</source>
        <translation>某个权重超过了 10⁶</translation>
    </message>
    <message>
        <source>Training diverged in epoch %1 at learning rate %2: %3. The weights are those of the last good epoch. Lower the learning rate and press Reset.</source>
        <translation>训练在第 %1 轮发散（学习率 %2）：%3。权重保留为最后一个正常轮次的值。请降低学习率，然后按“重置”。</translation>
    </message>
    <message>
        <source>Stopped early at epoch %1: the test loss has not improved for %2 epochs (best %3 at epoch %4).</source>
        <translation>在第 %1 轮提前停止：测试损失已连续 %2 轮没有下降（最好为 %3，在第 %4 轮）。</translation>
    </message>
    <message>
        <source>Reached the budget of %1 epochs.</source>
        <translation>已达到 %1 轮的训练预算。</translation>
    </message>
    <message>
        <source>Data set: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <source>Number of points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>New test split</source>
        <translation>重新划分测试集</translation>
    </message>
    <message>
        <source>Regenerate data</source>
        <translation>重新生成数据</translation>
    </message>
    <message>
        <source>Add feature %1</source>
        <translation>添加特征 %1</translation>
    </message>
    <message>
        <source>Remove feature %1</source>
        <translation>去掉特征 %1</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <source>Remove a hidden layer</source>
        <translation>去掉一个隐藏层</translation>
    </message>
    <message>
        <source>Neurons in hidden layer %1</source>
        <translation>隐藏层 %1 的神经元数</translation>
    </message>
    <message>
        <source>Activation of hidden layer %1: %2</source>
        <translation>隐藏层 %1 的激活函数：%2</translation>
    </message>
    <message>
        <source>Loss: %1</source>
        <translation>损失函数：%1</translation>
    </message>
    <message>
        <source>Focal γ</source>
        <translation>Focal γ</translation>
    </message>
    <message>
        <source>Optimizer: %1</source>
        <translation>优化器：%1</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Momentum β</source>
        <translation>动量 β</translation>
    </message>
    <message>
        <source>Adam β₁, β₂, ε</source>
        <translation>Adam β₁、β₂、ε</translation>
    </message>
    <message>
        <source>Learning-rate schedule: %1</source>
        <translation>学习率调度：%1</translation>
    </message>
    <message>
        <source>Regularization: %1</source>
        <translation>正则化：%1</translation>
    </message>
    <message>
        <source>Dropout p</source>
        <translation>Dropout p</translation>
    </message>
    <message>
        <source>Early-stopping patience</source>
        <translation>提前停止的耐心轮数</translation>
    </message>
    <message>
        <source>Epoch budget</source>
        <translation>训练轮数预算</translation>
    </message>
    <message>
        <source>New initial weights</source>
        <translation>新的初始权重</translation>
    </message>
    <message>
        <source>Remove a point</source>
        <translation>删除一个点</translation>
    </message>
    <message>
        <source>Add a point</source>
        <translation>添加一个点</translation>
    </message>
    <message>
        <source>%1: larger than 64 MB</source>
        <translation>%1：超过 64 MB</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>noise %1</source>
        <translation>噪声 %1</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 个点</translation>
    </message>
    <message>
        <source>other data</source>
        <translation>其他数据</translation>
    </message>
    <message>
        <source>features %1</source>
        <translation>特征 %1</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>focal γ %1</source>
        <translation>focal γ %1</translation>
    </message>
    <message>
        <source> batch %1</source>
        <translation> 批量 %1</translation>
    </message>
    <message>
        <source>no regularization</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation>dropout %1</translation>
    </message>
    <message>
        <source>other initial weights</source>
        <translation>其他初始权重</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>相同设置</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>第 %1 次：%2</translation>
    </message>
    <message>
        <source>Momentum form</source>
        <translation>动量法形式</translation>
    </message>
    <message>
        <source>expected finite numbers</source>
        <translation>应为有限的数</translation>
    </message>
    <message>
        <source>a variance cannot be negative</source>
        <translation>方差不能为负</translation>
    </message>
    <message>
        <source>BatchNorm on in hidden layer %1</source>
        <translation>在隐藏层 %1 打开 BatchNorm</translation>
    </message>
    <message>
        <source>BatchNorm off in hidden layer %1</source>
        <translation>在隐藏层 %1 关闭 BatchNorm</translation>
    </message>
    <message>
        <source>%1: the file has %2 bytes, more than the limit of %3 bytes</source>
        <translation>%1：文件有 %2 字节，超过了 %3 字节的上限</translation>
    </message>
</context>
<context>
    <name>ns::LabNetworkView</name>
    <message>
        <source>Every square is a neuron&apos;s output over the plane; hover to enlarge</source>
        <translation>每个方块是一个神经元在整个平面上的输出；鼠标悬停可放大</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Hidden layer %1, neuron %2 (%3)</source>
        <translation>隐藏层 %1，神经元 %2（%3）</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
</context>
<context>
    <name>ns::LabWindow</name>
    <message>
        <source>Points can be added only to 2-D data</source>
        <translation>只能向二维数据添加点</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>One neuron fewer</source>
        <translation>减少一个神经元</translation>
    </message>
    <message>
        <source>One neuron more (up to %1)</source>
        <translation>增加一个神经元（最多 %1 个）</translation>
    </message>
    <message>
        <source>This layer&apos;s activation function</source>
        <translation>这一层的激活函数</translation>
    </message>
    <message>
        <source>NeuralScope — Training lab</source>
        <translation>NeuralScope — 训练实验室</translation>
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
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train continuously, or pause</source>
        <translation>连续训练，或暂停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train exactly one epoch</source>
        <translation>只训练一轮</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the same initial weights, epoch 0; the run is kept for comparison</source>
        <translation>回到相同的初始权重，第 0 轮；本次训练保留用于对比</translation>
    </message>
    <message>
        <source>New weights</source>
        <translation>新权重</translation>
    </message>
    <message>
        <source>Reset to freshly drawn initial weights</source>
        <translation>用重新抽取的初始权重重置</translation>
    </message>
    <message>
        <source>Regenerate data</source>
        <translation>重新生成数据</translation>
    </message>
    <message>
        <source>Draw the data set again from the next seed</source>
        <translation>用下一个种子重新生成数据集</translation>
    </message>
    <message>
        <source>Open lab…</source>
        <translation>打开实验…</translation>
    </message>
    <message>
        <source>Load a saved lab: data, settings, weights, optimizer state and history</source>
        <translation>载入保存的实验：数据、设置、权重、优化器状态和历史</translation>
    </message>
    <message>
        <source>Save lab…</source>
        <translation>保存实验…</translation>
    </message>
    <message>
        <source>Save the whole lab to one JSON file</source>
        <translation>把整个实验保存为一个 JSON 文件</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Your own data: numeric columns, the label in the last one</source>
        <translation>你自己的数据：数值列，最后一列是标签</translation>
    </message>
    <message>
        <source>Export plots…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Every plot as PNG, PDF and SVG, and its data as CSV</source>
        <translation>每张图导出为 PNG、PDF 和 SVG，数据导出为 CSV</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>对比多次训练</translation>
    </message>
    <message>
        <source>Keep the loss curves of earlier runs on the plot</source>
        <translation>在图上保留之前几次训练的损失曲线</translation>
    </message>
    <message>
        <source>Clear earlier runs</source>
        <translation>清除之前的训练</translation>
    </message>
    <message>
        <source>Remove the earlier runs from the plot</source>
        <translation>从图上去掉之前的训练</translation>
    </message>
    <message>
        <source>Discretize</source>
        <translation>离散化</translation>
    </message>
    <message>
        <source>Show only the decision, not the network&apos;s confidence</source>
        <translation>只显示判定结果，不显示网络的置信度</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the training lab</source>
        <translation>关闭训练实验室</translation>
    </message>
    <message>
        <source>Undo the last change (%1)</source>
        <translation>撤销上一次修改（%1）</translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation>重做（%1）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
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
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Activation explorer</source>
        <translation>激活函数探索</translation>
    </message>
    <message>
        <source>Loss explorer</source>
        <translation>损失函数探索</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>Click adds</source>
        <translation>单击添加</translation>
    </message>
    <message>
        <source>Playground&apos;s data sets, the 3-class and regression sets, and the textbook&apos;s 4-feature task (seed 001 §3.2)</source>
        <translation>Playground 的数据集、三分类与回归数据集，以及教材中的 4 特征任务（教材 001 §3.2）</translation>
    </message>
    <message>
        <source>How many points to generate</source>
        <translation>生成多少个点</translation>
    </message>
    <message>
        <source>How far points stray from their class&apos;s region</source>
        <translation>点偏离所属类别区域的程度</translation>
    </message>
    <message>
        <source>The share of points held out as the test set (also the validation set for early stopping)</source>
        <translation>留作测试集的点的比例（也是提前停止所用的验证集）</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Draw the data again from the next seed (Ctrl+G)</source>
        <translation>用下一个种子重新生成数据（Ctrl+G）</translation>
    </message>
    <message>
        <source>Numeric columns, the label in the last one, header optional (Ctrl+I)</source>
        <translation>数值列，最后一列是标签，表头可有可无（Ctrl+I）</translation>
    </message>
    <message>
        <source>Click on the plot adds a point of this class; Shift+click the other class; Ctrl+click removes the nearest point</source>
        <translation>在图上单击添加这一类的点；Shift+单击添加另一类；Ctrl+单击删除最近的点</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>What the network sees of each 2-D point</source>
        <translation>网络从每个二维点中看到的内容</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Add a hidden layer (up to %1)</source>
        <translation>添加一个隐藏层（最多 %1 个）</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>去掉最后一个隐藏层</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Focal γ</source>
        <translation>Focal γ</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Batch size B</source>
        <translation>批量大小 B</translation>
    </message>
    <message>
        <source>Momentum β</source>
        <translation>动量 β</translation>
    </message>
    <message>
        <source>η schedule</source>
        <translation>η 调度</translation>
    </message>
    <message>
        <source>Minimum η</source>
        <translation>最小 η</translation>
    </message>
    <message>
        <source>Decay factor</source>
        <translation>衰减系数</translation>
    </message>
    <message>
        <source>Decay every (epochs)</source>
        <translation>每隔几轮衰减</translation>
    </message>
    <message>
        <source>Period T (epochs)</source>
        <translation>周期 T（轮）</translation>
    </message>
    <message>
        <source>Warmup (epochs)</source>
        <translation>预热（轮）</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <source>Dropout p</source>
        <translation>Dropout p</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Epoch budget</source>
        <translation>训练轮数预算</translation>
    </message>
    <message>
        <source>The loss to minimise (seed 001 §2.6)</source>
        <translation>要最小化的损失函数（教材 001 §2.6）</translation>
    </message>
    <message>
        <source>Focal loss −(1 − p_t)^γ log p_t: larger γ ignores easy points more (eq. 27)</source>
        <translation>Focal 损失 −(1 − p_t)^γ log p_t：γ 越大，越忽略容易分类的点（式 27）</translation>
    </message>
    <message>
        <source>Seed 001 §5.1: batch GD (eq. 60), SGD (61), mini-batch (62), Momentum (63–64), Adam (65–69)</source>
        <translation>教材 001 §5.1：批量梯度下降（式 60）、SGD（61）、小批量（62）、动量法（63–64）、Adam（65–69）</translation>
    </message>
    <message>
        <source>η: the step size of every update</source>
        <translation>η：每次更新的步长</translation>
    </message>
    <message>
        <source>Samples per update for mini-batch, Momentum and Adam</source>
        <translation>小批量、动量法和 Adam 每次更新所用的样本数</translation>
    </message>
    <message>
        <source>v ← βv + (1 − β)∇L, θ ← θ − ηv (eqs. 63–64)</source>
        <translation>v ← βv + (1 − β)∇L，θ ← θ − ηv（式 63–64）</translation>
    </message>
    <message>
        <source>Decay of the first moment m (eq. 65)</source>
        <translation>一阶矩 m 的衰减率（式 65）</translation>
    </message>
    <message>
        <source>Decay of the second moment v (eq. 66)</source>
        <translation>二阶矩 v 的衰减率（式 66）</translation>
    </message>
    <message>
        <source>Keeps the division of eq. 69 finite</source>
        <translation>防止式 69 中除以零</translation>
    </message>
    <message>
        <source>How η changes with the epoch (seed 002)</source>
        <translation>η 如何随轮次变化（教材 002）</translation>
    </message>
    <message>
        <source>L2 adds λΣw², L1 adds λΣ|w| to the loss (seed 002)</source>
        <translation>L2 在损失上加 λΣw²，L1 加 λΣ|w|（教材 002）</translation>
    </message>
    <message>
        <source>λ: the strength of the penalty</source>
        <translation>λ：惩罚项的强度</translation>
    </message>
    <message>
        <source>Each hidden unit is dropped with probability p during training, the others scaled by 1/(1 − p) (seed 001 §5.3, eq. 74)</source>
        <translation>训练时每个隐藏单元以概率 p 被丢弃，其余的乘以 1/(1 − p)（教材 001 §5.3，式 74）</translation>
    </message>
    <message>
        <source>Stop when the test loss has not improved for this many epochs; 0 = off</source>
        <translation>测试损失连续这么多轮没有下降时停止；0 表示关闭</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stop after this many epochs; 0 = no limit</source>
        <translation>训练这么多轮后停止；0 表示不限</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>%1 · %2 inputs · %3 training and %4 test points</source>
        <translation>%1 · %2 个输入 · %3 个训练点、%4 个测试点</translation>
    </message>
    <message>
        <source>y = +1 (Shift: −1)</source>
        <translation>y = +1（Shift：−1）</translation>
    </message>
    <message>
        <source>Hidden layers: %1</source>
        <translation>隐藏层：%1</translation>
    </message>
    <message>
        <source>Output: %1 · network %2</source>
        <translation>输出：%1 · 网络 %2</translation>
    </message>
    <message>
        <source>1 sigmoid unit (probability of class 2)</source>
        <translation>1 个 sigmoid 单元（类别 2 的概率）</translation>
    </message>
    <message>
        <source>%1 softmax units</source>
        <translation>%1 个 softmax 单元</translation>
    </message>
    <message>
        <source>1 linear unit</source>
        <translation>1 个线性单元</translation>
    </message>
    <message>
        <source>A slice through the first two inputs, the others held at 0. </source>
        <translation>沿前两个输入的切面，其余输入固定为 0。</translation>
    </message>
    <message>
        <source>Filled points: training · hollow: test. Click adds a point, Shift+click the other class, Ctrl+click removes.</source>
        <translation>实心点：训练集 · 空心点：测试集。单击添加点，Shift+单击添加另一类，Ctrl+单击删除。</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>Loss: training — · test —</source>
        <translation>损失：训练 — · 测试 —</translation>
    </message>
    <message>
        <source>Loss: training %1 · test %2</source>
        <translation>损失：训练 %1 · 测试 %2</translation>
    </message>
    <message>
        <source>Accuracy: training %1 · test %2</source>
        <translation>准确率：训练 %1 · 测试 %2</translation>
    </message>
    <message>
        <source>Open lab</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>NeuralScope lab (*.json)</source>
        <translation>NeuralScope 实验 (*.json)</translation>
    </message>
    <message>
        <source>The file was not loaded; the lab is unchanged.

%1</source>
        <translation>文件没有载入，实验保持不变。

%1</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已载入 %1</translation>
    </message>
    <message>
        <source>Save lab</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file was not imported; your data is unchanged.

%1</source>
        <translation>文件没有导入，你的数据保持不变。

%1</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <source>Export every plot to a folder</source>
        <translation>把所有图表导出到一个文件夹</translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Exported every plot to %1</source>
        <translation>所有图表已导出到 %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Momentum form</source>
        <translation>动量法形式</translation>
    </message>
    <message>
        <source>v ← βv + (1 − β)∇L, θ ← θ − ηv (seed 001)</source>
        <translation>v ← βv + (1 − β)∇L，θ ← θ − ηv（教材 001）</translation>
    </message>
    <message>
        <source>v ← βv − η∇L, w ← w + v (seed 002)</source>
        <translation>v ← βv − η∇L，w ← w + v（教材 002）</translation>
    </message>
    <message>
        <source>The two textbooks write Momentum differently; the first averages the gradients, the second adds them up (an effective step 1/(1 − β) times larger)</source>
        <translation>两份教材写的动量法不同：第一种对梯度取加权平均，第二种把梯度累加起来（有效步长大 1/(1 − β) 倍）</translation>
    </message>
    <message>
        <source>BatchNorm between W·a + b and the activation: normalise with the batch&apos;s mean μ_B and variance σ²_B while training, then scale by γ and shift by β (learnt); at test time the running averages are used</source>
        <translation>在 W·a + b 与激活函数之间做批量归一化：训练时用本批次的均值 μ_B 和方差 σ²_B 归一化，再用学到的 γ 缩放、β 平移；测试时使用滑动平均</translation>
    </message>
    <message>
        <source>Batch μ and σ² of layer %1</source>
        <translation>第 %1 层的批均值 μ 与方差 σ²</translation>
    </message>
    <message>
        <source>Train an epoch to see the batch&apos;s mean and variance here.</source>
        <translation>训练一轮后，这里会显示本批次的均值和方差。</translation>
    </message>
    <message>
        <source>Last batch: μ = (%1)
σ² = (%2)
γ = (%3)
β = (%4)</source>
        <translation>最后一批：μ = (%1)
σ² = (%2)
γ = (%3)
β = (%4)</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>实验室(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Plots</source>
        <translation>图表(&amp;P)</translation>
    </message>
    <message>
        <source>Training lab</source>
        <translation>训练实验室</translation>
    </message>
    <message>
        <source>Datasets, losses, optimizers, regularization and metrics, live</source>
        <translation>数据集、损失函数、优化器、正则化与评估指标，实时演示</translation>
    </message>
</context>
<context>
    <name>ns::LessonMode</name>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Open lesson file…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <source>Reload lesson</source>
        <translation>重新载入课程</translation>
    </message>
    <message>
        <source>Read the lesson file again after editing it, at the same step (F5)</source>
        <translation>编辑后重新读取课程文件，停留在同一步（F5）</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Reset this scene</source>
        <translation>重置本步场景</translation>
    </message>
    <message>
        <source>Presenter mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Full screen, larger text, lesson list hidden (F11)</source>
        <translation>全屏、放大文字、隐藏课程列表（F11）</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>关闭课程</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Show lesson panel</source>
        <translation>显示课程面板</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lessons (*.md);;All files (*)</source>
        <translation>课程 (*.md);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Perceptron</source>
        <translation>感知机</translation>
    </message>
    <message>
        <source>Logic gates, the perceptron learning rule, XOR with a hidden layer</source>
        <translation>逻辑门、感知机学习规则、用隐藏层解决异或</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>函数图像</translation>
    </message>
    <message>
        <source>Activation and loss functions with their derivatives</source>
        <translation>激活函数与损失函数及其导数</translation>
    </message>
    <message>
        <source>Fold the lesson panel away, or bring it back (F9)</source>
        <translation>收起课程面板，或重新显示（F9）</translation>
    </message>
</context>
<context>
    <name>ns::LessonPanel</name>
    <message>
        <source>⚠ %1 — does not open</source>
        <translation>⚠ %1 —— 无法打开</translation>
    </message>
    <message>
        <source>%1/%2 steps · %3/%4 quizzes</source>
        <translation>%1/%2 步 · %3/%4 题</translation>
    </message>
    <message>
        <source>Chapter %1 · %2</source>
        <translation>第 %1 章 · %2</translation>
    </message>
    <message>
        <source>Lessons that do not open</source>
        <translation>无法打开的课程</translation>
    </message>
    <message>
        <source>Opened from disk</source>
        <translation>从磁盘打开</translation>
    </message>
    <message>
        <source>This lesson does not open</source>
        <translation>这节课无法打开</translation>
    </message>
    <message>
        <source>The file has problems. Fix them and press **F5** to read it again; `neuralscope-cli lint` prints the same list.</source>
        <translation>文件中有问题。改正后按 **F5** 重新读取；`neuralscope-cli lint` 会列出同样的问题。</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Choose a lesson above.</source>
        <translation>请在上方选择一节课。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Preparing the scene: training to its starting point…</source>
        <translation>正在准备场景：训练到它的起点…</translation>
    </message>
    <message>
        <source>This scene also sets %1 for the training lab, which this window does not have; everything else in the scene is applied.</source>
        <translation>本场景还为训练实验室设置了 %1，但实验室没有接受；场景的其余部分均已应用。</translation>
    </message>
    <message>
        <source>Task done.</source>
        <translation>任务完成。</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Next lesson ▶</source>
        <translation>下一课 ▶</translation>
    </message>
    <message>
        <source>Finished ✔</source>
        <translation>已学完 ✔</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>测验</translation>
    </message>
    <message>
        <source>select all that apply</source>
        <translation>选出所有正确项</translation>
    </message>
    <message>
        <source>answered before: right</source>
        <translation>之前已作答：正确</translation>
    </message>
    <message>
        <source>answered before: wrong</source>
        <translation>之前已作答：错误</translation>
    </message>
    <message>
        <source>Type a number, such as 0.25, 1/4 or 25%.</source>
        <translation>请输入一个数，例如 0.25、1/4 或 25%。</translation>
    </message>
    <message>
        <source>Choose an answer first.</source>
        <translation>请先选择一个答案。</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>正确。</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>不太对。</translation>
    </message>
    <message>
        <source>The answer is %1.</source>
        <translation>答案是 %1。</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>The step before (Page Up)</source>
        <translation>上一步（Page Up）</translation>
    </message>
    <message>
        <source>Reset this scene</source>
        <translation>重置本步场景</translation>
    </message>
    <message>
        <source>Set the views up again as this step starts</source>
        <translation>把视图恢复到本步开始时的样子</translation>
    </message>
    <message>
        <source>The next step (Page Down)</source>
        <translation>下一步（Page Down）</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>提交答案</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Your answer, e.g. 0.25 or 1/4</source>
        <translation>你的答案，例如 0.25 或 1/4</translation>
    </message>
    <message>
        <source>To finish this step:</source>
        <translation>完成这一步需要：</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>在 %1 与 %2 之间</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>至少为 %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>至多为 %1</translation>
    </message>
    <message>
        <source>Training loss L below %1</source>
        <translation>训练损失 L 低于 %1</translation>
    </message>
    <message>
        <source>Training accuracy at least %1</source>
        <translation>训练准确率至少为 %1</translation>
    </message>
    <message>
        <source>At least %1 epochs trained</source>
        <translation>至少训练 %1 轮</translation>
    </message>
    <message>
        <source>Learning rate η %1</source>
        <translation>学习率 η %1</translation>
    </message>
    <message>
        <source>Sample # set to %1</source>
        <translation>样本编号设为 %1</translation>
    </message>
    <message>
        <source>Training has diverged</source>
        <translation>训练已发散</translation>
    </message>
    <message>
        <source>Training has not diverged</source>
        <translation>训练没有发散</translation>
    </message>
    <message>
        <source>The backprop stepper is open</source>
        <translation>反向传播单步演示已打开</translation>
    </message>
    <message>
        <source>The backprop stepper is closed</source>
        <translation>反向传播单步演示已关闭</translation>
    </message>
    <message>
        <source>The stepper has computed the whole training step</source>
        <translation>单步演示已算完整个训练步</translation>
    </message>
    <message>
        <source>The stepper has computed %1 values</source>
        <translation>单步演示已算出 %1 个值</translation>
    </message>
    <message>
        <source>The stepper has computed the forward pass of layer %1</source>
        <translation>单步演示已算完第 %1 层的前向传播</translation>
    </message>
    <message>
        <source>The stepper has computed the loss</source>
        <translation>单步演示已算出损失</translation>
    </message>
    <message>
        <source>The stepper has computed the backward pass of layer %1</source>
        <translation>单步演示已算完第 %1 层的反向传播</translation>
    </message>
    <message>
        <source>The stepper has updated layer %1</source>
        <translation>单步演示已更新第 %1 层</translation>
    </message>
    <message>
        <source>The computational graph&apos;s backward walk is complete</source>
        <translation>计算图的反向遍历已完成</translation>
    </message>
    <message>
        <source>The perceptron classifies every point correctly</source>
        <translation>感知机把每个点都分对了</translation>
    </message>
    <message>
        <source>The perceptron gets at least one point wrong</source>
        <translation>感知机至少分错一个点</translation>
    </message>
    <message>
        <source>The learning rule has changed the weights at least %1 times</source>
        <translation>学习规则至少更新了 %1 次权重</translation>
    </message>
    <message>
        <source>At least %1 passes over the data</source>
        <translation>至少遍历数据 %1 遍</translation>
    </message>
    <message>
        <source>The perceptron shows the %1 task</source>
        <translation>感知机显示 %1 任务</translation>
    </message>
    <message>
        <source>Lab: training loss below %1</source>
        <translation>实验室：训练损失低于 %1</translation>
    </message>
    <message>
        <source>Lab: test loss below %1</source>
        <translation>实验室：测试损失低于 %1</translation>
    </message>
    <message>
        <source>Lab: test accuracy at least %1</source>
        <translation>实验室：测试准确率至少为 %1</translation>
    </message>
    <message>
        <source>Lab: at least %1 epochs trained</source>
        <translation>实验室：至少训练 %1 轮</translation>
    </message>
    <message>
        <source>Lab: training has diverged</source>
        <translation>实验室：训练已发散</translation>
    </message>
    <message>
        <source>Lab: training has not diverged</source>
        <translation>实验室：训练没有发散</translation>
    </message>
    <message>
        <source>Lab: decision threshold %1</source>
        <translation>实验室：判决阈值%1</translation>
    </message>
    <message>
        <source>%1 of %2 values</source>
        <translation>%1/%2 个值</translation>
    </message>
    <message>
        <source>now %1</source>
        <translation>当前 %1</translation>
    </message>
    <message>
        <source>The probe %1</source>
        <translation>探针位置%1</translation>
    </message>
    <message>
        <source>The window has visited every output cell</source>
        <translation>窗口已走遍每个输出格</translation>
    </message>
    <message>
        <source>The feature maps of layer %1 are shown</source>
        <translation>显示的是 %1 层的特征图</translation>
    </message>
    <message>
        <source>CNN: at least %1 training steps</source>
        <translation>CNN：至少训练 %1 步</translation>
    </message>
    <message>
        <source>CNN: test accuracy at least %1</source>
        <translation>CNN：测试准确率至少 %1</translation>
    </message>
    <message>
        <source>Residual experiment: at least %1 steps</source>
        <translation>残差实验：至少 %1 步</translation>
    </message>
    <message>
        <source>mode %1</source>
        <translation>模式 %1</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>input size %1</source>
        <translation>输入尺寸 %1</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>卷积核 %1</translation>
    </message>
    <message>
        <source>kernel size %1</source>
        <translation>卷积核大小 %1</translation>
    </message>
    <message>
        <source>stride %1</source>
        <translation>步长 %1</translation>
    </message>
    <message>
        <source>padding %1</source>
        <translation>填充 %1</translation>
    </message>
    <message>
        <source>dilation %1</source>
        <translation>膨胀率 %1</translation>
    </message>
    <message>
        <source>%1 input channels</source>
        <translation>%1 个输入通道</translation>
    </message>
    <message>
        <source>%1 stacked layers</source>
        <translation>堆叠 %1 层</translation>
    </message>
    <message>
        <source>%1-pooling %2×%2, stride %3</source>
        <translation>%1 池化 %2×%2，步长 %3</translation>
    </message>
    <message>
        <source>window at output cell (%1, %2)</source>
        <translation>窗口位于输出格 (%1, %2)</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>正在播放</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Convolution view: %1</source>
        <translation>卷积视图：%1</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出学习进度</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The M-P neuron classifies every point correctly</source>
        <translation>M-P 神经元把每个点都分对了</translation>
    </message>
    <message>
        <source>The M-P neuron gets at least one point wrong</source>
        <translation>M-P 神经元至少分错了一个点</translation>
    </message>
    <message>
        <source>The multilayer perceptron (one hidden layer) classifies every point correctly</source>
        <translation>多层感知机（一个隐藏层）把每个点都分对了</translation>
    </message>
    <message>
        <source>The multilayer perceptron (one hidden layer) gets at least one point wrong</source>
        <translation>多层感知机（一个隐藏层）至少分错了一个点</translation>
    </message>
    <message>
        <source>Show explanation</source>
        <translation>查看解析</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>查看答案</translation>
    </message>
    <message>
        <source>Export progress…</source>
        <translation>导出学习进度…</translation>
    </message>
    <message>
        <source>Write every lesson&apos;s steps — visited, check met, quiz answered, correct — to a CSV or JSON file, e.g. for a class</source>
        <translation>把每课每一步的情况（是否看过、任务是否完成、测验是否作答、是否答对）写入 CSV 或 JSON 文件，例如用于整个班级</translation>
    </message>
    <message>
        <source>Sequences: at least %1 training steps</source>
        <translation>序列：至少训练 %1 步</translation>
    </message>
    <message>
        <source>Sequences: time step %1 is selected</source>
        <translation>序列：已选中第 %1 步</translation>
    </message>
    <message>
        <source>BPTT: the gradient has flowed back at least %1 steps</source>
        <translation>BPTT：梯度已至少向前流回 %1 步</translation>
    </message>
    <message>
        <source>BPTT: W_h scale %1</source>
        <translation>BPTT：W_h 缩放 %1</translation>
    </message>
    <message>
        <source>BPTT: clipping is on</source>
        <translation>BPTT：已开启裁剪</translation>
    </message>
    <message>
        <source>BPTT: clipping is off</source>
        <translation>BPTT：已关闭裁剪</translation>
    </message>
    <message>
        <source>Sequences: the %1 cell is drawn</source>
        <translation>序列：正在绘制 %1 单元</translation>
    </message>
    <message>
        <source>%1: %2 is %3</source>
        <translation>%1：%2 为 %3</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 is off</source>
        <translation>%1：%2 已关闭</translation>
    </message>
</context>
<context>
    <name>ns::LessonSession</name>
    <message>
        <source>Network of the lesson&apos;s scene</source>
        <translation>课程场景中的网络</translation>
    </message>
    <message>
        <source>Initial weights of the lesson&apos;s scene</source>
        <translation>课程场景中的初始权重</translation>
    </message>
    <message>
        <source>Lesson scene</source>
        <translation>课程场景</translation>
    </message>
</context>
<context>
    <name>ns::LossExplorer</name>
    <message>
        <source>Regression target y</source>
        <translation>回归目标 y</translation>
    </message>
    <message>
        <source>Class target</source>
        <translation>类别目标</translation>
    </message>
    <message>
        <source>Focal loss γ: (1 − p_t)^γ shrinks the loss of points already classified well (eq. 27)</source>
        <translation>Focal 损失的 γ：(1 − p_t)^γ 会缩小已经分类正确的点的损失（式 27）</translation>
    </message>
    <message>
        <source>Prediction ŷ</source>
        <translation>预测值 ŷ</translation>
    </message>
    <message>
        <source>Loss ℓ(ŷ)</source>
        <translation>损失 ℓ(ŷ)</translation>
    </message>
    <message>
        <source>Predicted probability ŷ</source>
        <translation>预测概率 ŷ</translation>
    </message>
    <message>
        <source>MSE (eq. 22) punishes large errors quadratically, MAE (eq. 23) linearly, Huber (eq. 24, δ = 1) is quadratic near the target and linear beyond. Cross-entropy (eq. 25) grows without bound as the predicted probability of the true class goes to 0; focal loss (eq. 27) flattens it where the prediction is already good.</source>
        <translation>MSE（式 22）按平方惩罚大误差，MAE（式 23）按线性惩罚，Huber（式 24，δ = 1）在目标附近是平方、远处是线性。当真实类别的预测概率趋于 0 时，交叉熵（式 25）无限增大；focal 损失（式 27）在预测已经很好的地方把它压平。</translation>
    </message>
    <message>
        <source>Focal γ = %1</source>
        <translation>Focal γ = %1</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>均方误差（MSE）</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>平均绝对误差（MAE）</translation>
    </message>
    <message>
        <source>Huber (δ = 1)</source>
        <translation>Huber（δ = 1）</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Focal, γ = %1</source>
        <translation>Focal，γ = %1</translation>
    </message>
    <message>
        <source>MSE on the probability</source>
        <translation>对概率使用 MSE</translation>
    </message>
</context>
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
        <source>Save screenshot…</source>
        <translation>保存截图…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
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
        <source>Follow the system</source>
        <translation>跟随系统</translation>
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
    <message>
        <source>Training lab…</source>
        <translation>训练实验室…</translation>
    </message>
    <message>
        <source>Datasets, losses, optimizers, regularization and metrics, live (Ctrl+L)</source>
        <translation>数据集、损失函数、优化器、正则化与评估指标，实时演示（Ctrl+L）</translation>
    </message>
    <message>
        <source>NeuralScope — %1</source>
        <translation>NeuralScope — %1</translation>
    </message>
    <message>
        <source>NeuralScope</source>
        <translation>NeuralScope</translation>
    </message>
</context>
<context>
    <name>ns::MetricsPanel</name>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Which points the metrics are computed on</source>
        <translation>用哪些点计算这些指标</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>The class the ROC and precision–recall curves treat as positive</source>
        <translation>ROC 曲线和精确率–召回率曲线视为正类的类别</translation>
    </message>
    <message>
        <source>Predict the positive class when its probability is above this threshold (seed 001 §2.7); moves every metric and the point on both curves</source>
        <translation>当正类概率高于这个阈值时预测为正类（教材 001 §2.7）；所有指标和两条曲线上的点都会随之移动</translation>
    </message>
    <message>
        <source>FPR (false positives)</source>
        <translation>FPR（假阳性率）</translation>
    </message>
    <message>
        <source>TPR (recall)</source>
        <translation>TPR（召回率）</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Actual y</source>
        <translation>真实值 y</translation>
    </message>
    <message>
        <source>Predicted ŷ</source>
        <translation>预测值 ŷ</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>阈值 %1</translation>
    </message>
    <message>
        <source>No points in this split</source>
        <translation>这一部分没有数据点</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;MSE&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;RMSE&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;MAE&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;R²&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=2&gt;%5 points&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;均方误差 MSE&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;均方根误差 RMSE&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;平均绝对误差 MAE&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;决定系数 R²&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=2&gt;%5 个点&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>class 2</source>
        <translation>类别 2</translation>
    </message>
    <message>
        <source>actual +</source>
        <translation>实际 +</translation>
    </message>
    <message>
        <source>actual −</source>
        <translation>实际 −</translation>
    </message>
    <message>
        <source>predicted +</source>
        <translation>预测 +</translation>
    </message>
    <message>
        <source>predicted −</source>
        <translation>预测 −</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Accuracy&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Precision&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Recall (TPR)&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;F1&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FPR&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%5&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;AUC&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;准确率&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;精确率&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;召回率（TPR）&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;F1 分数&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FPR&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%5&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;AUC&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Positive: %1 · %2 points&lt;/p&gt;</source>
        <translation>&lt;p&gt;正类：%1 · %2 个点&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Precision, recall, F1 and the curves: %1 against the rest&lt;/p&gt;</source>
        <translation>&lt;p&gt;精确率、召回率、F1 和两条曲线：%1 对其余类别&lt;/p&gt;</translation>
    </message>
    <message>
        <source>AUC = %1</source>
        <translation>AUC = %1</translation>
    </message>
</context>
<context>
    <name>ns::NetworkPage</name>
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
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
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
        <source>Training</source>
        <translation>训练</translation>
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
        <source>Backprop stepper</source>
        <translation>反向传播单步演示</translation>
    </message>
    <message>
        <source>Take one training step by hand, every number explained (Ctrl+B)</source>
        <translation>亲手走完一步训练，每个数字都有来历（Ctrl+B）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Compute the next value (→), or click the highlighted neuron or edge</source>
        <translation>计算下一个值（→），或点击高亮的神经元或连线</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Undo the last computed value (←)</source>
        <translation>撤回上一个计算出的值（←）</translation>
    </message>
    <message>
        <source>⇤ Start</source>
        <translation>⇤ 开头</translation>
    </message>
    <message>
        <source>Back to the start of the step (Home)</source>
        <translation>回到这一步的开头（Home）</translation>
    </message>
    <message>
        <source>End ⇥</source>
        <translation>结尾 ⇥</translation>
    </message>
    <message>
        <source>Compute every value of the step (End)</source>
        <translation>一次算完这一步的所有值（End）</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Start again from the network&apos;s current weights and the selected sample (Ctrl+Shift+R)</source>
        <translation>用网络当前的权重和所选样本重新开始（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Next training step</source>
        <translation>下一步训练</translation>
    </message>
    <message>
        <source>Keep the updated weights and step through the next training step (Ctrl+N)</source>
        <translation>保留更新后的权重，逐步演示下一步训练（Ctrl+N）</translation>
    </message>
    <message>
        <source>Worksheet…</source>
        <translation>练习题…</translation>
    </message>
    <message>
        <source>Save this step as a printable exercise with its solution (Markdown + CSV) (Ctrl+E)</source>
        <translation>把这一步保存为可打印的练习题及答案（Markdown + CSV）（Ctrl+E）</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Computational graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>Per step:</source>
        <translation>每步：</translation>
    </message>
    <message>
        <source>one value</source>
        <translation>一个值</translation>
    </message>
    <message>
        <source>one layer</source>
        <translation>一层</translation>
    </message>
    <message>
        <source>How much each Next computes</source>
        <translation>每次“下一个”计算多少</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation>每秒 %1 个</translation>
    </message>
    <message>
        <source>How fast Play computes values</source>
        <translation>播放时计算的快慢</translation>
    </message>
    <message>
        <source>Batch m:</source>
        <translation>批量 m：</translation>
    </message>
    <message>
        <source>Samples in the step, from the selected one; the gradient is their mean</source>
        <translation>这一步使用的样本数（从所选样本起）；梯度取它们的平均</translation>
    </message>
    <message>
        <source>&lt;b&gt;The complete example of the textbook (§3):&lt;/b&gt; 4 inputs → 8 ReLU → 4 ReLU → 1 sigmoid, 81 parameters, binary cross-entropy, gradient descent. Task: y = 1 when x₁ + x₂ + x₃ + x₄ &gt; 0, on 1000 random samples.</source>
        <translation>&lt;b&gt;教材中的完整示例（第 3 节）：&lt;/b&gt;4 个输入 → 8 个 ReLU → 4 个 ReLU → 1 个 Sigmoid，共 81 个参数，二元交叉熵损失，梯度下降。任务：当 x₁ + x₂ + x₃ + x₄ &gt; 0 时 y = 1，共 1000 个随机样本。</translation>
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
        <source>Compute the values one after another (Space)</source>
        <translation>依次自动计算各个值（空格）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;/%2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;/%2 · %3</translation>
    </message>
    <message>
        <source>Values computed so far, and the phase of the next one</source>
        <translation>已计算的值的个数，以及下一个值所属的阶段</translation>
    </message>
    <message>
        <source>&lt;b&gt;One training step by hand:&lt;/b&gt; %1, forward pass (Algorithm 2), loss, backward pass (Algorithm 3, the chain rule), update W ← W − η ∂L/∂W. Click the highlighted neuron or edge, or press →; click any number to see where it came from.</source>
        <translation>&lt;b&gt;亲手走完一步训练：&lt;/b&gt;%1，前向传播（算法 2）、损失、反向传播（算法 3，链式法则）、参数更新 W ← W − η ∂L/∂W。点击高亮的神经元或连线，或按 →；点击任意数字可查看它的来历。</translation>
    </message>
    <message>
        <source>sample #%1</source>
        <translation>样本 #%1</translation>
    </message>
    <message>
        <source>samples #%1–#%2 (gradients are their mean)</source>
        <translation>样本 #%1–#%2（梯度取它们的平均）</translation>
    </message>
    <message>
        <source>Export worksheet</source>
        <translation>导出练习题</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Could not write %1. Choose a folder you can write to.</source>
        <translation>无法写入 %1。请选择一个可写的文件夹。</translation>
    </message>
    <message>
        <source>Saved the worksheet and its CSV next to it: %1</source>
        <translation>已保存练习题，并在同一位置保存了 CSV：%1</translation>
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
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The textbook&apos;s 4-8-4-1 network training live, with its loss curve</source>
        <translation>教材中的 4-8-4-1 网络实时训练，附损失曲线</translation>
    </message>
    <message>
        <source>One training step by hand, every number explained</source>
        <translation>手动走完一个训练步，每个数都有解释</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>训练设置</translation>
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
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>mean absolute error</source>
        <translation>平均绝对误差</translation>
    </message>
    <message>
        <source>Huber loss</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Step complete: every weight was updated by W ← W − η ∂L/∂W. Click any number to see where it came from.</source>
        <translation>这一步完成：每个权重都已按 W ← W − η ∂L/∂W 更新。点击任意数字可查看它的来历。</translation>
    </message>
    <message>
        <source>Forward pass: click the highlighted neuron (or press →) to compute the next value. Blank values are not computed yet.</source>
        <translation>前向传播：点击高亮的神经元（或按 →）计算下一个值。空白处表示尚未计算。</translation>
    </message>
    <message>
        <source>Backward pass: edges show the gradient ∂L/∂W (purple &gt; 0, green &lt; 0, width |∂L/∂W|). Click the highlighted item (or press →).</source>
        <translation>反向传播：连线表示梯度 ∂L/∂W（紫色 &gt; 0，绿色 &lt; 0，粗细为 |∂L/∂W|）。点击高亮的元素（或按 →）。</translation>
    </message>
    <message>
        <source>Update: W ← W − η ∂L/∂W, edge by edge. Click the highlighted item (or press →).</source>
        <translation>参数更新：逐条连线执行 W ← W − η ∂L/∂W。点击高亮的元素（或按 →）。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Neurons show sample 1 of the batch of %1; ∂L/∂W is the batch mean.</source>
        <translation>神经元显示 %1 个样本中第 1 个样本的值；∂L/∂W 取批量平均。</translation>
    </message>
</context>
<context>
    <name>ns::NeuronGraphView</name>
    <message>
        <source>Select a neuron with an element-wise activation to see its computational graph.</source>
        <translation>请选择一个使用逐元素激活函数的神经元，以查看它的计算图。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Computational graph&lt;/b&gt; of output neuron %1 and the loss (Algorithm 1). Each box: value | gradient ∂L/∂·</source>
        <translation>输出层第 %1 个神经元及损失的&lt;b&gt;计算图&lt;/b&gt;（算法 1）。每个方框：值 | 梯度 ∂L/∂·</translation>
    </message>
    <message>
        <source>&lt;b&gt;Computational graph&lt;/b&gt; of neuron %1 of hidden layer %2; the layers above reach the loss L (Algorithm 1). Each box: value | gradient ∂L/∂·</source>
        <translation>隐藏层 %2 第 %1 个神经元的&lt;b&gt;计算图&lt;/b&gt;；其上各层通向损失 L（算法 1）。每个方框：值 | 梯度 ∂L/∂·</translation>
    </message>
    <message>
        <source>Forward: every box shows its value, computed in topological order. Press “Next node” to walk backwards from L.</source>
        <translation>前向：每个方框按拓扑顺序算出自己的值。按“下一个节点”从 L 开始反向遍历。</translation>
    </message>
    <message>
        <source>Start at the loss: ∂L/∂L = 1 (Algorithm 1, line 5).</source>
        <translation>从损失开始：∂L/∂L = 1（算法 1 第 5 行）。</translation>
    </message>
    <message>
        <source>Local derivative: %1&lt;br&gt;Accumulated gradient: ∂L/∂%2 = %3 = %4 = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>局部导数：%1&lt;br&gt;累积梯度：∂L/∂%2 = %3 = %4 = &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>⇤ Forward values</source>
        <translation>⇤ 前向值</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Next node ▶</source>
        <translation>下一个节点 ▶</translation>
    </message>
    <message>
        <source>All gradients ⇥</source>
        <translation>全部梯度 ⇥</translation>
    </message>
    <message>
        <source>Sample %1 of the batch of %2: its gradients are ∂ℓ/∂·, before the batch mean.</source>
        <translation>批量 %2 个样本中的第 %1 个：这里的梯度是 ∂ℓ/∂·，尚未取批量平均。</translation>
    </message>
</context>
<context>
    <name>ns::PerceptronView</name>
    <message>
        <source>Threshold units: hidden h₁, h₂ and the output</source>
        <translation>阈值单元：隐藏单元 h₁、h₂ 与输出单元</translation>
    </message>
    <message>
        <source>Weights and bias (b = −θ)</source>
        <translation>权重与偏置（b = −θ）</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>&lt;b&gt;✔ The network computes %1.&lt;/b&gt;</source>
        <translation>&lt;b&gt;✔ 网络计算的是 %1。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>✘ %1 of %2 points are on the wrong side for %3.</source>
        <translation>✘ 对 %3 而言，%2 个点中有 %1 个在错误的一侧。</translation>
    </message>
    <message>
        <source>Epoch %1 · %2 updates</source>
        <translation>第 %1 轮 · 已更新 %2 次</translation>
    </message>
    <message>
        <source>Sample %1, y = %2: y(wᵀx + b) = %3 ≤ 0, a mistake → w ← w + ηyx = (%4), b ← b + ηy = %5</source>
        <translation>样本 %1，y = %2：y(wᵀx + b) = %3 ≤ 0，分类错误 → w ← w + ηyx = (%4)，b ← b + ηy = %5</translation>
    </message>
    <message>
        <source>Sample %1, y = %2: y(wᵀx + b) = %3 &gt; 0, right: no change</source>
        <translation>样本 %1，y = %2：y(wᵀx + b) = %3 &gt; 0，分类正确：不更新</translation>
    </message>
    <message>
        <source>Converged: a whole epoch without a mistake.</source>
        <translation>已收敛：完整一轮没有任何错误。</translation>
    </message>
    <message>
        <source>No convergence after %1 epochs: no line separates these classes.</source>
        <translation>%1 轮后仍未收敛：没有一条直线能分开这两类。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>Learning rate of the rule: w ← w + η y x</source>
        <translation>学习规则的学习率：w ← w + η y x</translation>
    </message>
    <message>
        <source>One sample</source>
        <translation>一个样本</translation>
    </message>
    <message>
        <source>Visit the next sample (ringed in gold) with the learning rule</source>
        <translation>用学习规则处理下一个样本（金色圆圈标出）</translation>
    </message>
    <message>
        <source>One epoch</source>
        <translation>一轮</translation>
    </message>
    <message>
        <source>Visit the remaining samples of this pass</source>
        <translation>处理本轮剩下的样本</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Epochs until one has no mistake (at most 100)</source>
        <translation>逐轮训练，直到某一轮没有错误（最多 100 轮）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the starting weights</source>
        <translation>回到初始权重</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Blue: the side where the neuron fires (+1); orange: where it does not (−1).</source>
        <translation>蓝色：神经元兴奋的一侧（+1）；橙色：不兴奋的一侧（−1）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;✔ The M-P neuron computes %1.&lt;/b&gt;</source>
        <translation>&lt;b&gt;✔ M-P 神经元实现了 %1。&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ns::ResidualWorkspace</name>
    <message>
        <source>Residual vs plain</source>
        <translation>残差与普通网络</translation>
    </message>
    <message>
        <source>Deep plain and residual nets, with and without BatchNorm</source>
        <translation>深层普通网络与残差网络，有无 BatchNorm 对比</translation>
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
        <source>Change the step&apos;s learning rate</source>
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
    <message>
        <source>Change the batch size</source>
        <translation>修改批量大小</translation>
    </message>
</context>
<context>
    <name>ns::StepInspector</name>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>the input layer</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>the output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <source>Input x%1 of the sample (given)</source>
        <translation>样本的输入 x%1（已知）</translation>
    </message>
    <message>
        <source>Target y%1 of the sample (given)</source>
        <translation>样本的目标 y%1（已知）</translation>
    </message>
    <message>
        <source>Weight from neuron %1 to neuron %2 of %3 (given, before the update)</source>
        <translation>从上一层第 %1 个神经元到 %3 的第 %2 个神经元的权重（已知，更新前）</translation>
    </message>
    <message>
        <source>Bias of neuron %1 of %2 (given, before the update)</source>
        <translation>%2 的第 %1 个神经元的偏置（已知，更新前）</translation>
    </message>
    <message>
        <source>Learning rate η (given)</source>
        <translation>学习率 η（已知）</translation>
    </message>
    <message>
        <source>Weighted input z of neuron %1 of %2: the inputs times the weights, plus the bias</source>
        <translation>%2 的第 %1 个神经元的加权输入 z：输入乘以权重，再加上偏置</translation>
    </message>
    <message>
        <source>Activation a = σ(z) of neuron %1 of %2</source>
        <translation>%2 的第 %1 个神经元的激活值 a = σ(z)</translation>
    </message>
    <message>
        <source>Loss L: how far the prediction ŷ is from the target y</source>
        <translation>损失 L：预测 ŷ 与目标 y 相差多远</translation>
    </message>
    <message>
        <source>Error δ = ∂L/∂z of neuron %1 of the output layer; for sigmoid with cross-entropy it is simply ŷ − y</source>
        <translation>输出层第 %1 个神经元的误差 δ = ∂L/∂z；sigmoid 配合交叉熵时它就是 ŷ − y</translation>
    </message>
    <message>
        <source>Error δ = ∂L/∂z of neuron %1 of %2: the chain rule carries δ of the layer above back through the weights, times σ′(z)</source>
        <translation>%2 的第 %1 个神经元的误差 δ = ∂L/∂z：链式法则把上一层的 δ 沿权重传回来，再乘以 σ′(z)</translation>
    </message>
    <message>
        <source>Gradient of the loss with respect to the weight from neuron %1 to neuron %2 of %3: δ of the neuron it feeds times the activation it carries</source>
        <translation>损失对从上一层第 %1 个神经元到 %3 的第 %2 个神经元的权重的梯度：它所连接神经元的 δ 乘以它传递的激活值</translation>
    </message>
    <message>
        <source>Gradient of the loss with respect to the bias of neuron %1 of %2</source>
        <translation>损失对 %2 的第 %1 个神经元偏置的梯度</translation>
    </message>
    <message>
        <source>Gradient descent: the weight from neuron %1 to neuron %2 of %3 takes a step against its gradient</source>
        <translation>梯度下降：从上一层第 %1 个神经元到 %3 的第 %2 个神经元的权重沿梯度的反方向走一步</translation>
    </message>
    <message>
        <source>Gradient descent: the bias of neuron %1 of %2 takes a step against its gradient</source>
        <translation>梯度下降：%2 的第 %1 个神经元的偏置沿梯度的反方向走一步</translation>
    </message>
    <message>
        <source>Press → or click the highlighted neuron to start the forward pass.</source>
        <translation>按 → 或点击高亮的神经元，开始前向传播。</translation>
    </message>
    <message>
        <source>Click a computed number on the diagram to see where it came from.</source>
        <translation>点击图中已算出的数字，查看它的来历。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>%1 · step %2 of %3</source>
        <translation>%1 · 第 %2 步，共 %3 步</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uses&lt;/b&gt; (ringed in red on the diagram): %1</source>
        <translation>&lt;b&gt;用到的值&lt;/b&gt;（图中以红圈标出）：%1</translation>
    </message>
    <message>
        <source>Given value</source>
        <translation>已知值</translation>
    </message>
    <message>
        <source>Change a number — the whole step recomputes (Ctrl+Z undoes)</source>
        <translation>修改一个数字——整步立即重新计算（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <source>Weight (select an edge)</source>
        <translation>权重（请选择一条连线）</translation>
    </message>
    <message>
        <source>Bias %1</source>
        <translation>偏置 %1</translation>
    </message>
    <message>
        <source>Bias (select a neuron)</source>
        <translation>偏置（请选择一个神经元）</translation>
    </message>
    <message>
        <source>sample %1: </source>
        <translation>样本 %1：</translation>
    </message>
    <message>
        <source>Input %1 of sample 1</source>
        <translation>样本 1 的输入 %1</translation>
    </message>
    <message>
        <source>Target %1 of sample 1</source>
        <translation>样本 1 的目标 %1</translation>
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
<context>
    <name>ns::WorkspaceShell</name>
    <message>
        <source>“%1” is shown in its own window.</source>
        <translation>“%1”正显示在单独的窗口中。</translation>
    </message>
    <message>
        <source>NeuralScope — %1</source>
        <translation>NeuralScope — %1</translation>
    </message>
    <message>
        <source>Bring the workspace back</source>
        <translation>把工作区收回主窗口</translation>
    </message>
    <message>
        <source>&amp;Workspaces</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Bring it back here</source>
        <translation>收回到这里</translation>
    </message>
    <message>
        <source>Detach workspace into its own window</source>
        <translation>把工作区分离到单独窗口</translation>
    </message>
    <message>
        <source>Show the active workspace in a window of its own, e.g. on the projector (%1)</source>
        <translation>把当前工作区显示在单独的窗口中，例如放到投影仪上（%1）</translation>
    </message>
</context>
<context>
    <name>ns::UndoButtons</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>撤销：%1（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Nothing to undo (Ctrl+Z)</source>
        <translation>没有可撤销的操作（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>重做：%1（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Nothing to redo (Ctrl+Shift+Z)</source>
        <translation>没有可重做的操作（Ctrl+Shift+Z）</translation>
    </message>
</context>
</TS>
