<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::CnnModel</name>
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
        <source>circle</source>
        <translation>圆</translation>
    </message>
    <message>
        <source>square</source>
        <translation>正方形</translation>
    </message>
    <message>
        <source>triangle</source>
        <translation>三角形</translation>
    </message>
    <message>
        <source>diamond</source>
        <translation>菱形</translation>
    </message>
    <message>
        <source>plus</source>
        <translation>加号</translation>
    </message>
    <message>
        <source>cross</source>
        <translation>叉</translation>
    </message>
    <message>
        <source>two bars</source>
        <translation>双横线</translation>
    </message>
    <message>
        <source>hexagon</source>
        <translation>六边形</translation>
    </message>
    <message>
        <source>chevron</source>
        <translation>人字形</translation>
    </message>
    <message>
        <source>ring</source>
        <translation>圆环</translation>
    </message>
    <message>
        <source>Unknown data set &apos;%1&apos;: expected one of %2</source>
        <translation>未知数据集“%1”：应为 %2 之一</translation>
    </message>
    <message>
        <source>The learning rate must lie in 0.00001–10</source>
        <translation>学习率必须在 0.00001–10 之间</translation>
    </message>
    <message>
        <source>The batch size must lie in 1–512</source>
        <translation>批大小必须在 1–512 之间</translation>
    </message>
    <message>
        <source>Test image %1 does not exist (0–%2)</source>
        <translation>测试图像 %1 不存在（0–%2）</translation>
    </message>
    <message>
        <source>LeNet-5 has no layer &apos;%1&apos;: expected one of %2</source>
        <translation>LeNet-5 没有“%1”层：应为 %2 之一</translation>
    </message>
</context>
<context>
    <name>ns::CnnTask</name>
    <message>
        <source>%1 is missing: install Debian&apos;s dataset-fashion-mnist (sudo apt install dataset-fashion-mnist) or open IDX files</source>
        <translation>缺少 %1：请安装 Debian 的 dataset-fashion-mnist（sudo apt install dataset-fashion-mnist），或打开 IDX 文件</translation>
    </message>
    <message>
        <source>Not enough memory to load %1</source>
        <translation>内存不足，无法加载 %1</translation>
    </message>
    <message>
        <source>%1 holds %2 × %3 images; LeNet-5 here reads 28 × 28</source>
        <translation>%1 中是 %2 × %3 的图像；这里的 LeNet-5 读取 28 × 28</translation>
    </message>
    <message>
        <source>%1: labels must be 0–9, found %2</source>
        <translation>%1：标签必须是 0–9，却发现 %2</translation>
    </message>
    <message>
        <source>%1 holds only %2 images</source>
        <translation>%1 只有 %2 张图像</translation>
    </message>
</context>
<context>
    <name>ns::CnnWorkspace</name>
    <message>
        <source>Generated digits</source>
        <translation>生成的数字</translation>
    </message>
    <message>
        <source>Generated shapes</source>
        <translation>生成的形状</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Generated, seeded digits or shapes (small, quick), or Fashion-MNIST from Debian&apos;s dataset-fashion-mnist</source>
        <translation>固定种子生成的数字或形状（小而快），或来自 Debian dataset-fashion-mnist 的 Fashion-MNIST</translation>
    </message>
    <message>
        <source>Learning rate η of the mini-batch SGD</source>
        <translation>小批量 SGD 的学习率 η</translation>
    </message>
    <message>
        <source>Images per mini-batch</source>
        <translation>每个小批量的图像数</translation>
    </message>
    <message>
        <source>Whose output to show as feature maps</source>
        <translation>把哪一层的输出显示为特征图</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Fresh initial weights from the same seed; the data stay</source>
        <translation>用同一个种子重新初始化权重；数据不变</translation>
    </message>
    <message>
        <source>Open IDX…</source>
        <translation>打开 IDX…</translation>
    </message>
    <message>
        <source>Train on any MNIST-format IDX image and label files</source>
        <translation>在任意 MNIST 格式的 IDX 图像和标签文件上训练</translation>
    </message>
    <message>
        <source>loss (batch)</source>
        <translation>损失（批）</translation>
    </message>
    <message>
        <source>accuracy (batch)</source>
        <translation>准确率（批）</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>training step (mini-batch)</source>
        <translation>训练步（小批量）</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Test images — click one to see its feature maps</source>
        <translation>测试图像——点击一张查看它的特征图</translation>
    </message>
    <message>
        <source>Learnt conv1 filters (5 × 5)</source>
        <translation>学到的 conv1 卷积核（5 × 5）</translation>
    </message>
    <message>
        <source>Confusion matrix (test set)</source>
        <translation>混淆矩阵（测试集）</translation>
    </message>
    <message>
        <source>Misclassified: true → predicted</source>
        <translation>分错的样本：真实 → 预测</translation>
    </message>
    <message>
        <source>true class (rows)</source>
        <translation>真实类别（行）</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Evaluated on the test set every %1 steps</source>
        <translation>每 %1 步在测试集上评估一次</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>IDX images</source>
        <translation>IDX 图像</translation>
    </message>
    <message>
        <source>IDX files (*-idx3-ubyte *-idx3-ubyte.gz *.idx3 *.gz);;All files (*)</source>
        <translation>IDX 文件 (*-idx3-ubyte *-idx3-ubyte.gz *.idx3 *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>IDX labels</source>
        <translation>IDX 标签</translation>
    </message>
    <message>
        <source>IDX files (*-idx1-ubyte *-idx1-ubyte.gz *.idx1 *.gz);;All files (*)</source>
        <translation>IDX 文件 (*-idx1-ubyte *-idx1-ubyte.gz *.idx1 *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Train</source>
        <translation>▶ 训练</translation>
    </message>
    <message>
        <source>Train or pause (Space); training runs on its own thread</source>
        <translation>训练或暂停（空格键）；训练在独立线程中进行</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 个单元</translation>
    </message>
    <message>
        <source>Feature maps of %1 for test image %2</source>
        <translation>测试图像 %2 在 %1 层的特征图</translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation>卷积核 %1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Step %1 · epoch %2 (%3 %) · %4 images/s · test accuracy %5</source>
        <translation>第 %1 步 · 第 %2 轮（%3%）· 每秒 %4 张图像 · 测试准确率 %5</translation>
    </message>
    <message>
        <source> · diverged: lower η and press Reset</source>
        <translation> · 已发散：请降低 η 并按重置</translation>
    </message>
</context>
</TS>
