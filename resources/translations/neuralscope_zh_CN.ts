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
        <translation>下一个 ▶</translation>
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
        <source>Start again from the network's current weights and the selected sample (Ctrl+Shift+R)</source>
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
        <source>How fast Play computes values</source>
        <translation>播放时计算的快慢</translation>
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
        <source>Export worksheet</source>
        <translation>导出练习题</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Saved the worksheet and its CSV next to it: %1</source>
        <translation>已保存练习题，并在同一位置保存了 CSV：%1</translation>
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
        <source>Worksheet…</source>
        <translation>练习题…</translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation>每秒 %1 个</translation>
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
</TS>
