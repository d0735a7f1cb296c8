<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::ConvCanvas</name>
    <message>
        <source>Input (R, G, B)</source>
        <translation>输入（R、G、B）</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Output, channel %1</source>
        <translation>输出，第 %1 通道</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>dilation %1: a gap of %2 between cells</source>
        <translation>膨胀率 %1：格子之间隔 %2 个像素</translation>
    </message>
</context>
<context>
    <name>ns::ConvolutionModel</name>
    <message>
        <source>Unknown mode &apos;%1&apos;: expected one of %2</source>
        <translation>未知模式“%1”：应为 %2 之一</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Unknown picture &apos;%1&apos;: expected one of %2</source>
        <translation>未知图片“%1”：应为 %2 之一</translation>
    </message>
    <message>
        <source>Input picture</source>
        <translation>输入图片</translation>
    </message>
    <message>
        <source>The image could not be read</source>
        <translation>无法读取该图像</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>输入尺寸</translation>
    </message>
    <message>
        <source>Input channels must be 1 (grey) or 3 (RGB), not %1</source>
        <translation>输入通道数必须为 1（灰度）或 3（RGB），而不是 %1</translation>
    </message>
    <message>
        <source>Input channels</source>
        <translation>输入通道数</translation>
    </message>
    <message>
        <source>Unknown kernel &apos;%1&apos;: expected one of %2</source>
        <translation>未知卷积核“%1”：应为 %2 之一</translation>
    </message>
    <message>
        <source>Kernel preset</source>
        <translation>预设卷积核</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>There is no kernel cell (%1, %2, %3, %4)</source>
        <translation>不存在卷积核格子 (%1, %2, %3, %4)</translation>
    </message>
    <message>
        <source>A kernel weight must lie in −100…100</source>
        <translation>卷积核权重必须在 −100…100 之间</translation>
    </message>
    <message>
        <source>Kernel weight</source>
        <translation>卷积核权重</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀率</translation>
    </message>
    <message>
        <source>Output channels %1 is outside 1–%2</source>
        <translation>输出通道数 %1 超出 1–%2</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>输出通道数</translation>
    </message>
    <message>
        <source>Pooling must be max or avg, not &apos;%1&apos;</source>
        <translation>池化方式必须是 max 或 avg，而不是“%1”</translation>
    </message>
    <message>
        <source>Pooling size %1 is outside 2–4</source>
        <translation>池化窗口 %1 超出 2–4</translation>
    </message>
    <message>
        <source>Pooling stride %1 is outside 1–%2</source>
        <translation>池化步长 %1 超出 1–%2</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Stacked layers</source>
        <translation>堆叠层数</translation>
    </message>
    <message>
        <source>Output cell (%1, %2) is outside the %3 × %4 output</source>
        <translation>输出格 (%1, %2) 超出了 %3 × %4 的输出</translation>
    </message>
    <message>
        <source>Pooling has no parameters (only its size and stride)</source>
        <translation>池化层没有参数（只有窗口大小和步长）</translation>
    </message>
    <message>
        <source>%1 × (3·3·C·C) = %1 × (3·3·%2·%2) = %3 weights, vs one %4×%4: %4·%4·%2·%2 = %5</source>
        <translation>%1 × (3·3·C·C) = %1 × (3·3·%2·%2) = %3 个权重；一层 %4×%4：%4·%4·%2·%2 = %5</translation>
    </message>
    <message>
        <source>O = ⌊(%1 − %2)/%3⌋ + 1 = %4 ≤ 0: the %2 × %2 pooling window is larger than the %1 × %1 input</source>
        <translation>O = ⌊(%1 − %2)/%3⌋ + 1 = %4 ≤ 0：%2 × %2 的池化窗口比 %1 × %1 的输入还大</translation>
    </message>
    <message>
        <source>O = I − 2L = %1 − 2·%2 = %3 ≤ 0: %2 stacked 3 × 3 layers need an input of at least %4 × %4</source>
        <translation>O = I − 2L = %1 − 2·%2 = %3 ≤ 0：%2 层堆叠的 3 × 3 卷积至少需要 %4 × %4 的输入</translation>
    </message>
    <message>
        <source>%1 %2 is outside %3–%4</source>
        <translation>%1 %2 超出 %3–%4</translation>
    </message>
</context>
<context>
    <name>ns::ConvolutionWorkspace</name>
    <message>
        <source>Kernel weight</source>
        <translation>卷积核权重</translation>
    </message>
    <message>
        <source>Weight K[%1, %2] of channel %3:</source>
        <translation>第 %3 通道的权重 K[%1, %2]：</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>1 × 1 convolution</source>
        <translation>1 × 1 卷积</translation>
    </message>
    <message>
        <source>Digit %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>正方形</translation>
    </message>
    <message>
        <source>Cross</source>
        <translation>十字</translation>
    </message>
    <message>
        <source>Diagonal</source>
        <translation>对角线</translation>
    </message>
    <message>
        <source>Own image / edited</source>
        <translation>自己的图像 / 已编辑</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>Box blur</source>
        <translation>均值模糊</translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation>高斯模糊</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Sobel x (vertical edges)</source>
        <translation>Sobel x（竖直边缘）</translation>
    </message>
    <message>
        <source>Sobel y (horizontal edges)</source>
        <translation>Sobel y（水平边缘）</translation>
    </message>
    <message>
        <source>Laplacian</source>
        <translation>拉普拉斯</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>输入尺寸</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀率</translation>
    </message>
    <message>
        <source>Kernels C′</source>
        <translation>卷积核数 C′</translation>
    </message>
    <message>
        <source>Show kernel</source>
        <translation>显示卷积核</translation>
    </message>
    <message>
        <source>Stacked 3 × 3</source>
        <translation>堆叠 3 × 3</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Pool stride</source>
        <translation>池化步长</translation>
    </message>
    <message>
        <source>Convolution, pooling, receptive field of stacked 3 × 3 kernels, or a 1 × 1 convolution</source>
        <translation>卷积、池化、堆叠 3 × 3 卷积的感受野，或 1 × 1 卷积</translation>
    </message>
    <message>
        <source>The picture the window slides over (or open your own image)</source>
        <translation>窗口滑过的图片（也可以打开自己的图像）</translation>
    </message>
    <message>
        <source>Side I of the square input, 3–28</source>
        <translation>正方形输入的边长 I，3–28</translation>
    </message>
    <message>
        <source>1: grey; 3: RGB, one kernel slice per channel, summed</source>
        <translation>1：灰度；3：RGB，每个通道一片卷积核，结果相加</translation>
    </message>
    <message>
        <source>Preset kernels; click a kernel cell to type a weight, scroll on it to nudge by 0.1</source>
        <translation>预设卷积核；点击卷积核格子可输入权重，在格子上滚动滚轮每次改变 0.1</translation>
    </message>
    <message>
        <source>Side k of the kernel, 1–7</source>
        <translation>卷积核边长 k，1–7</translation>
    </message>
    <message>
        <source>Stride s: how far the window moves each step</source>
        <translation>步长 s：窗口每一步移动多远</translation>
    </message>
    <message>
        <source>Padding p: rings of zeros around the input (dashed cells)</source>
        <translation>填充 p：输入四周补零的圈数（虚线格子）</translation>
    </message>
    <message>
        <source>Dilation d: gaps of d − 1 pixels between kernel cells</source>
        <translation>膨胀率 d：卷积核格子之间隔 d − 1 个像素</translation>
    </message>
    <message>
        <source>Number of kernels C′, one output map each (each turned by 90°)</source>
        <translation>卷积核个数 C′，每个产生一张输出特征图（依次旋转 90°）</translation>
    </message>
    <message>
        <source>Which kernel and output map to show</source>
        <translation>显示哪个卷积核及其输出特征图</translation>
    </message>
    <message>
        <source>Receptive field: how many 3 × 3 convolutions are stacked</source>
        <translation>感受野：堆叠多少层 3 × 3 卷积</translation>
    </message>
    <message>
        <source>Max keeps the largest value (ties: the first); average divides the sum by k·k</source>
        <translation>最大池化保留最大值（并列取第一个）；平均池化把和除以 k·k</translation>
    </message>
    <message>
        <source>Pooling window k × k</source>
        <translation>池化窗口 k × k</translation>
    </message>
    <message>
        <source>Pooling stride</source>
        <translation>池化步长</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <source>Move the window one cell on (Right arrow)</source>
        <translation>窗口前进一格（右方向键）</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Move the window one cell back (Left arrow)</source>
        <translation>窗口后退一格（左方向键）</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Use your own picture, converted to grey and scaled to the input size</source>
        <translation>使用自己的图片，转换为灰度并缩放到输入尺寸</translation>
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
        <source>Scrub through every position of the window</source>
        <translation>拖动浏览窗口的每个位置</translation>
    </message>
    <message>
        <source>Click an output cell to move the window there</source>
        <translation>点击输出格，把窗口移到那里</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Let the window visit every output cell (Space)</source>
        <translation>让窗口依次走遍每个输出格（空格键）</translation>
    </message>
    <message>
        <source>Output size: %1</source>
        <translation>输出尺寸：%1</translation>
    </message>
    <message>
        <source>Output size: %1 — impossible</source>
        <translation>输出尺寸：%1——无法实现</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数量：%1</translation>
    </message>
    <message>
        <source>Output cell (%1, %2) of %3 stacked 3 × 3 layers depends on the %4 × %4 input cells lit — the same as one %4 × %4 kernel.</source>
        <translation>%3 层堆叠 3 × 3 卷积的输出格 (%1, %2) 依赖于点亮的 %4 × %4 个输入格——与一个 %4 × %4 卷积核相同。</translation>
    </message>
    <message>
        <source>y[%1, %2] = max(%3) = %4</source>
        <translation>y[%1, %2] = max(%3) = %4</translation>
    </message>
    <message>
        <source>y[%1, %2] = (%3) / %4 = %5</source>
        <translation>y[%1, %2] = (%3) / %4 = %5</translation>
    </message>
    <message>
        <source>z[%1, %2] = %3 + b = %4 + %5 = %6</source>
        <translation>z[%1, %2] = %3 + b = %4 + %5 = %6</translation>
    </message>
    <message>
        <source>channel %1: %2</source>
        <translation>通道 %1：%2</translation>
    </message>
    <message>
        <source>Per channel: %1</source>
        <translation>各通道：%1</translation>
    </message>
    <message>
        <source>Could not read %1: the file has %2 MiB, more than the limit of %3 MiB</source>
        <translation>无法读取 %1：文件有 %2 MiB，超过了 %3 MiB 的上限</translation>
    </message>
</context>
</TS>
