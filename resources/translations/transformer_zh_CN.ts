<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::TransformerModel</name>
    <message>
        <source>Unknown task &apos;%1&apos;: expected one of %2</source>
        <translation>未知任务“%1”：应为 %2 之一</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>task: %1</source>
        <translation>任务：%1</translation>
    </message>
    <message>
        <source>The length must lie in %1–%2</source>
        <translation>长度必须在 %1–%2 之间</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>length %1</source>
        <translation>长度 %1</translation>
    </message>
    <message>
        <source>The Transformer here has 1 or 2 layers</source>
        <translation>这里的 Transformer 只有 1 或 2 层</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n 层</numerusform>
        </translation>
    </message>
    <message>
        <source>The head count must be 1, 2 or 4 (d_model = 32 is split among them)</source>
        <translation>头数必须是 1、2 或 4（d_model = 32 在它们之间平分）</translation>
    </message>
    <message numerus="yes">
        <source>%n head(s)</source>
        <translation>
            <numerusform>%n 个头</numerusform>
        </translation>
    </message>
    <message>
        <source>The learning rate must lie in 0.0001–0.1</source>
        <translation>学习率必须在 0.0001–0.1 之间</translation>
    </message>
    <message>
        <source>learning rate %1</source>
        <translation>学习率 %1</translation>
    </message>
    <message>
        <source>Type exactly %1 characters (letters and spaces); &apos;%2&apos; has %3</source>
        <translation>请正好输入 %1 个字符（字母和空格）；“%2”有 %3 个</translation>
    </message>
    <message>
        <source>Type exactly %1 digits; &apos;%2&apos; has %3</source>
        <translation>请正好输入 %1 个数字；“%2”有 %3 个</translation>
    </message>
    <message>
        <source>Only the letters a–z and spaces can be typed for this task</source>
        <translation>此任务只能输入字母 a–z 和空格</translation>
    </message>
    <message>
        <source>Only the digits 0–9 can be typed for this task</source>
        <translation>此任务只能输入数字 0–9</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>Layer %1 does not exist (1–%2)</source>
        <translation>第 %1 层不存在（1–%2）</translation>
    </message>
    <message>
        <source>Head %1 does not exist (1–%2)</source>
        <translation>第 %1 个头不存在（1–%2）</translation>
    </message>
    <message>
        <source>Training diverged: lower the learning rate and press Reset</source>
        <translation>训练发散了：请降低学习率并按“重置”</translation>
    </message>
</context>
<context>
    <name>ns::TransformerWorkspace</name>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>reverse</source>
        <translation>倒序</translation>
    </message>
    <message>
        <source>sort digits</source>
        <translation>数字排序</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>The toy task: copy the digits, reverse them, sort them, or predict the next character of a built-in text (causal attention). Changing it starts a new run.</source>
        <translation>玩具任务：复制数字、把数字倒过来、给数字排序，或预测内置文本的下一个字符（因果注意力）。更改它会开始新的训练。</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>长度(&amp;L)：</translation>
    </message>
    <message>
        <source>n, the number of tokens of every sequence (a new run)</source>
        <translation>n，每个序列的词元数（开始新的训练）</translation>
    </message>
    <message>
        <source>La&amp;yers:</source>
        <translation>层数(&amp;Y)：</translation>
    </message>
    <message>
        <source>Encoder blocks stacked: attention + feed-forward, each with a residual and LayerNorm (a new run)</source>
        <translation>堆叠的编码器块：注意力 + 前馈网络，各带残差连接和层归一化（开始新的训练）</translation>
    </message>
    <message>
        <source>&amp;Heads:</source>
        <translation>头数(&amp;H)：</translation>
    </message>
    <message>
        <source>Attention heads per layer: 1, 2 or 4, splitting d_model = 32 among them (a new run)</source>
        <translation>每层的注意力头数：1、2 或 4，平分 d_model = 32（开始新的训练）</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>学习率(&amp;L)：</translation>
    </message>
    <message>
        <source>Adam&apos;s step size η; takes effect at once, without a new run</source>
        <translation>Adam 的步长 η；立即生效，不重新开始训练</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>One training step: a fresh batch of 32 sequences and one Adam update (N)</source>
        <translation>一步训练：一批新的 32 个序列和一次 Adam 更新（N）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Start again from the same initial weights (Ctrl+R)</source>
        <translation>从同样的初始权重重新开始（Ctrl+R）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last change of a setting or of the input (Ctrl+Z)</source>
        <translation>撤销最近一次对设置或输入的更改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo the change undone (Ctrl+Shift+Z)</source>
        <translation>重做被撤销的更改（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>token accuracy (batch)</source>
        <translation>词元准确率（批）</translation>
    </message>
    <message>
        <source>Training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>Loss, accuracy</source>
        <translation>损失、准确率</translation>
    </message>
    <message>
        <source>Cross-entropy of every training batch and the fraction of its tokens predicted right</source>
        <translation>每个训练批的交叉熵，以及其中预测正确的词元比例</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>输入(&amp;I)：</translation>
    </message>
    <message>
        <source>Type a sequence of the chosen length and press Enter: the model&apos;s prediction and every head&apos;s attention for it are shown</source>
        <translation>输入一个所选长度的序列并按回车：显示模型对它的预测和每个头的注意力</translation>
    </message>
    <message>
        <source>Every head&apos;s attention for the input (rows: queries, columns: keys)</source>
        <translation>每个头对输入的注意力（行：查询，列：键）</translation>
    </message>
    <message>
        <source>Each row shows how one position spreads its attention over all positions; click a map to draw it large. Trained on reverse, the maps turn into an anti-diagonal.</source>
        <translation>每一行表示一个位置如何把注意力分配到所有位置；点击一张图可放大显示。在倒序任务上训练后，这些图会变成反对角线。</translation>
    </message>
    <message>
        <source>Layer %1, head %2: click to draw it large</source>
        <translation>第 %1 层，第 %2 个头：点击放大显示</translation>
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
        <source>Train live, one Adam step on a fresh batch at a time (Space)</source>
        <translation>现场训练，每次在一批新数据上做一步 Adam（空格）</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source> · loss %1</source>
        <translation> · 损失 %1</translation>
    </message>
    <message>
        <source> · held-out token accuracy %1 % (at step %2)</source>
        <translation> · 留出序列词元准确率 %1 %（第 %2 步）</translation>
    </message>
    <message>
        <source>Prediction: &lt;b style=&apos;font-family:monospace; font-size:large&apos;&gt;%1&lt;/b&gt;</source>
        <translation>预测：&lt;b style=&apos;font-family:monospace; font-size:large&apos;&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Expected: &lt;span style=&apos;font-family:monospace&apos;&gt;%1&lt;/span&gt; · %2 of %3 tokens right</source>
        <translation>&lt;br&gt;期望：&lt;span style=&apos;font-family:monospace&apos;&gt;%1&lt;/span&gt; · %3 个词元中对了 %2 个</translation>
    </message>
    <message>
        <source>Layer %1 · head %2</source>
        <translation>第 %1 层 · 第 %2 头</translation>
    </message>
    <message>
        <source>L%1 · H%2</source>
        <translation>%1 层 · %2 头</translation>
    </message>
    <message>
        <source>Selected: layer %1 · head %2</source>
        <translation>选中：第 %1 层 · 第 %2 头</translation>
    </message>
    <message>
        <source>Prediction: —</source>
        <translation>预测：—</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>A tiny Transformer trained live on copy, reverse, sort and characters; every head&apos;s attention</source>
        <translation>在复制、倒序、排序和字符任务上现场训练的小型 Transformer；每个头的注意力</translation>
    </message>
</context>
<context>
    <name>ns::VitModel</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T 恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <source>Unknown image set &apos;%1&apos;: expected one of %2</source>
        <translation>未知图像集“%1”：应为 %2 之一</translation>
    </message>
    <message>
        <source>Test image %1 does not exist (0–%2)</source>
        <translation>测试图像 %1 不存在（0–%2）</translation>
    </message>
    <message>
        <source>The patch size must lie in 2–14 (it is snapped to 2, 4, 7 or 14)</source>
        <translation>块大小必须在 2–14 之间（会取最近的 2、4、7 或 14）</translation>
    </message>
    <message>
        <source>Unknown panel &apos;%1&apos;: expected one of %2</source>
        <translation>未知面板“%1”：应为 %2 之一</translation>
    </message>
    <message>
        <source>The mask ratio must lie in 0–0.95</source>
        <translation>掩码比例必须在 0–0.95 之间</translation>
    </message>
    <message>
        <source>Head %1 does not exist (1–%2)</source>
        <translation>第 %1 个头不存在（1–%2）</translation>
    </message>
    <message>
        <source>Training diverged: press Reset</source>
        <translation>训练发散了：请按“重置”</translation>
    </message>
</context>
<context>
    <name>ns::VitTask</name>
    <message>
        <source>%1 is missing: install Debian&apos;s dataset-fashion-mnist (sudo apt install dataset-fashion-mnist)</source>
        <translation>缺少 %1：请安装 Debian 的 dataset-fashion-mnist（sudo apt install dataset-fashion-mnist）</translation>
    </message>
    <message>
        <source>Not enough memory to load %1</source>
        <translation>内存不足，无法加载 %1</translation>
    </message>
</context>
<context>
    <name>ns::VitWorkspace</name>
    <message>
        <source>&amp;Images:</source>
        <translation>图像(&amp;I)：</translation>
    </message>
    <message>
        <source>built-in digits</source>
        <translation>内置数字</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>What the ViT learns to classify: the built-in digits or Fashion-MNIST (10 000 of its training images, loaded off the window&apos;s thread). A new run.</source>
        <translation>ViT 要学习分类的图像：内置数字或 Fashion-MNIST（取其 10 000 张训练图像，在窗口线程之外加载）。开始新的训练。</translation>
    </message>
    <message>
        <source>P&amp;atch:</source>
        <translation>块(&amp;A)：</translation>
    </message>
    <message>
        <source>%1 × %1 (%2 tokens)</source>
        <translation>%1 × %1（%2 个词元）</translation>
    </message>
    <message>
        <source>p: the 28 × 28 image is cut into (28/p)² patches of p × p pixels, each one token, plus the class token. A new run.</source>
        <translation>p：28 × 28 的图像被切成 (28/p)² 个 p × p 像素的块，每块一个词元，另加类别词元。开始新的训练。</translation>
    </message>
    <message>
        <source>I&amp;mage:</source>
        <translation>图像编号(&amp;M)：</translation>
    </message>
    <message>
        <source>Which test image is shown ([ and ])</source>
        <translation>显示哪张测试图像（[ 和 ]）</translation>
    </message>
    <message>
        <source>H&amp;ead:</source>
        <translation>头(&amp;E)：</translation>
    </message>
    <message>
        <source>The attention head drawn large (click a small one too)</source>
        <translation>放大显示的注意力头（也可点击小图）</translation>
    </message>
    <message>
        <source>Mas&amp;k ratio:</source>
        <translation>掩码比例(&amp;K)：</translation>
    </message>
    <message>
        <source>MAE hides this fraction of the patches; the encoder reads only the rest</source>
        <translation>MAE 遮住这一比例的块；编码器只读取其余的块</translation>
    </message>
    <message>
        <source>Train live, one Adam step on 32 images at a time (Space)</source>
        <translation>现场训练，每次在 32 张图像上做一步 Adam（空格）</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>One training step (N)</source>
        <translation>一步训练（N）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Start again from the same initial weights (Ctrl+R)</source>
        <translation>从同样的初始权重重新开始（Ctrl+R）</translation>
    </message>
    <message>
        <source>Patches → tokens</source>
        <translation>块 → 词元</translation>
    </message>
    <message>
        <source>Class-token attention</source>
        <translation>类别词元的注意力</translation>
    </message>
    <message>
        <source>MAE masking</source>
        <translation>MAE 掩码</translation>
    </message>
    <message>
        <source>The image cut into patches, numbered in the order they become tokens</source>
        <translation>切成块的图像，按成为词元的顺序编号</translation>
    </message>
    <message>
        <source>How much the class token attends to each patch, per head, drawn over the image</source>
        <translation>类别词元对每一块的注意力，按头分别画在图像上</translation>
    </message>
    <message>
        <source>Masked autoencoder: most patches hidden, only the visible ones encoded</source>
        <translation>掩码自编码器：大部分块被遮住，只编码可见的块</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy (batch)</source>
        <translation>准确率（批）</translation>
    </message>
    <message>
        <source>Training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>Loss, accuracy</source>
        <translation>损失、准确率</translation>
    </message>
    <message>
        <source>The token sequence: [CLS], then the patches in order</source>
        <translation>词元序列：[CLS]，然后按顺序排列的块</translation>
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
        <source>head %1</source>
        <translation>第 %1 头</translation>
    </message>
    <message>
        <source>Class token → patches, head %1 (its weight on itself: %2)</source>
        <translation>类别词元 → 各块，第 %1 头（对自身的权重：%2）</translation>
    </message>
    <message>
        <source>%1 of %2 patches masked (%3 %)</source>
        <translation>%2 块中遮住了 %1 块（%3 %）</translation>
    </message>
    <message>
        <source>%1 patches of %2 × %2 pixels</source>
        <translation>%1 个 %2 × %2 像素的块</translation>
    </message>
    <message>
        <source>Test image %1: &lt;b&gt;%2&lt;/b&gt; · predicted &lt;b style=&apos;color:%3&apos;&gt;%4&lt;/b&gt; (p = %5)</source>
        <translation>测试图像 %1：&lt;b&gt;%2&lt;/b&gt; · 预测 &lt;b style=&apos;color:%3&apos;&gt;%4&lt;/b&gt;（p = %5）</translation>
    </message>
    <message>
        <source>Loading the images…</source>
        <translation>正在加载图像…</translation>
    </message>
    <message>
        <source>The class token [CLS] has no pixels of its own: the prediction is read from it, so it must gather what the patches say. Orange: the share of its attention each patch gets in the last layer, the strongest patch fully tinted.</source>
        <translation>类别词元 [CLS] 没有自己的像素：预测从它读出，所以它必须汇集各块的信息。橙色：最后一层中每块得到的注意力份额，最强的一块颜色最深。</translation>
    </message>
    <message>
        <source>MAE hides %1 % of the patches at random (grey) and encodes only the %2 visible tokens; a light decoder must then paint the hidden pixels back. So much can be hidden because images are redundant.</source>
        <translation>MAE 随机遮住 %1 % 的块（灰色），只编码 %2 个可见词元；再由一个轻量解码器把被遮住的像素画回来。之所以能遮住这么多，是因为图像的冗余很大。</translation>
    </message>
    <message>
        <source>Each p × p patch is flattened (p² numbers) and projected to a d = 32 token; a learnt position embedding is added, since attention alone cannot tell where a patch was.</source>
        <translation>每个 p × p 的块被拉平（p² 个数）并投影为 d = 32 的词元；再加上可学习的位置嵌入，因为单靠注意力无法知道块原来在哪里。</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source> · loss %1</source>
        <translation> · 损失 %1</translation>
    </message>
    <message>
        <source> · test accuracy %1 % (%2 images, at step %3)</source>
        <translation> · 测试准确率 %1 %（%2 张图像，第 %3 步）</translation>
    </message>
    <message>
        <source>ViT</source>
        <translation>ViT</translation>
    </message>
    <message>
        <source>A Vision Transformer: patches as tokens, the class token&apos;s attention, MAE&apos;s masking</source>
        <translation>视觉 Transformer：块作为词元、类别词元的注意力、MAE 的掩码</translation>
    </message>
</context>
</TS>
