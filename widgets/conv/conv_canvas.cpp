#include "conv/conv_canvas.h"

#include "common/theme.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ns {

namespace {

QColor greyColor(double v) {
    const int g = static_cast<int>(std::lround(255 * std::clamp(v, 0.0, 1.0)));
    return QColor(g, g, g);
}

QString number(double v) {
    QString s = QString::number(v, 'g', 3);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

}  // namespace

ConvCanvas::ConvCanvas(QWidget* parent) : QWidget(parent) {
    setMinimumSize(640, 420);
    setMouseTracking(false);
    setFocusPolicy(Qt::ClickFocus);
}

void ConvCanvas::setPicture(const ConvPicture& picture) {
    picture_ = picture;
    layoutGrids();
    update();
}

void ConvCanvas::resizeEvent(QResizeEvent*) { layoutGrids(); }

void ConvCanvas::layoutGrids() {
    const double margin = 16, title = 34, gap = 40;
    const double h = height() - 2 * margin - title;
    const double w = width() - 2 * margin;
    const int channels = std::max(1, static_cast<int>(picture_.input.size()));
    const int side = picture_.input.isEmpty() ? 1 : picture_.input[0].rows + 2 * picture_.padding;
    const bool kernel = picture_.mode == ConvPicture::Mode::Conv || picture_.mode == ConvPicture::Mode::Pointwise;
    const int ks = kernel ? std::max(1, picture_.kernelSize) : 0;
    const int outSide = std::max(1, std::max(picture_.output.rows, picture_.output.cols));
    // Share the width: input 45 %, kernel 20 %, output 35 %; the input's channels stack downwards.
    const double inW = w * (kernel ? 0.45 : 0.55) - gap, kW = kernel ? w * 0.18 - gap : 0, outW = w - inW - kW - 2 * gap;
    inputCell_ = std::min(inW / side, (h - (channels - 1) * 10) / (side * channels));
    kernelCell_ = kernel ? std::min({kW / ks, (h - (channels - 1) * 10) / (ks * channels), 64.0}) : 0;
    outputCell_ = std::min(outW / outSide, h / outSide);
    inputArea_ = QRectF(margin, margin + title, side * inputCell_, (side * inputCell_ + 10) * channels - 10);
    kernelArea_ = QRectF(inputArea_.right() + gap, margin + title, ks * kernelCell_, (ks * kernelCell_ + 10) * channels - 10);
    outputArea_ = QRectF((kernel ? kernelArea_.right() : inputArea_.right()) + gap, margin + title,
                         picture_.output.cols * outputCell_, picture_.output.rows * outputCell_);
}

QRectF ConvCanvas::outputCellRect(int row, int col) const {
    return QRectF(outputArea_.left() + col * outputCell_, outputArea_.top() + row * outputCell_, outputCell_, outputCell_);
}

QRectF ConvCanvas::kernelCellRect(int channel, int u, int v) const {
    const double top = kernelArea_.top() + channel * (picture_.kernelSize * kernelCell_ + 10);
    return QRectF(kernelArea_.left() + v * kernelCell_, top + u * kernelCell_, kernelCell_, kernelCell_);
}

bool ConvCanvas::kernelCellAt(QPointF p, int& channel, int& u, int& v) const {
    for (int c = 0; c < picture_.kernel.size(); ++c)
        for (int i = 0; i < picture_.kernelSize; ++i)
            for (int j = 0; j < picture_.kernelSize; ++j)
                if (kernelCellRect(c, i, j).contains(p)) {
                    channel = c;
                    u = i;
                    v = j;
                    return true;
                }
    return false;
}

void ConvCanvas::mousePressEvent(QMouseEvent* event) {
    const QPointF p = event->position();
    if (outputArea_.contains(p) && outputCell_ > 0) {
        emit outputCellClicked(static_cast<int>((p.y() - outputArea_.top()) / outputCell_),
                               static_cast<int>((p.x() - outputArea_.left()) / outputCell_));
        return;
    }
    int c = 0, u = 0, v = 0;
    if (kernelCellAt(p, c, u, v)) emit kernelCellClicked(c, u, v);
}

void ConvCanvas::wheelEvent(QWheelEvent* event) {
    int c = 0, u = 0, v = 0;
    if (!kernelCellAt(event->position(), c, u, v)) return QWidget::wheelEvent(event);
    const int steps = event->angleDelta().y() / 120;
    if (steps != 0) emit kernelCellScrolled(c, u, v, steps);
    event->accept();
}

void ConvCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), theme::background());
    p.setFont(theme::uiFont(14));
    p.setPen(theme::ink());
    if (!picture_.problem.isEmpty()) {
        p.setFont(theme::uiFont(16));
        p.setPen(QColor(0xb2, 0x18, 0x2b));
        p.drawText(rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap, picture_.problem);
        return;
    }
    const bool kernel = picture_.mode == ConvPicture::Mode::Conv || picture_.mode == ConvPicture::Mode::Pointwise;
    const int pad = picture_.padding;
    // Titles.
    p.drawText(QRectF(inputArea_.left(), 8, inputArea_.width() + 200, 30), Qt::AlignLeft | Qt::AlignVCenter,
               picture_.input.size() == 3 ? tr("Input (R, G, B)") : tr("Input"));
    if (kernel) p.drawText(QRectF(kernelArea_.left(), 8, 300, 30), Qt::AlignLeft | Qt::AlignVCenter, tr("Kernel"));
    p.drawText(QRectF(outputArea_.left(), 8, 400, 30), Qt::AlignLeft | Qt::AlignVCenter,
               picture_.outChannels > 1 ? tr("Output, channel %1").arg(picture_.outChannel + 1) : tr("Output"));

    // The cells the window reads, by input channel.
    QVector<QVector<int>> termAt(picture_.input.size());
    for (int ch = 0; ch < picture_.input.size(); ++ch) {
        const int side = picture_.input[ch].rows + 2 * pad;
        termAt[ch].fill(-1, side * side);
    }
    for (int t = 0; t < picture_.terms.size(); ++t) {
        const ConvTerm& term = picture_.terms[t];
        if (term.channel >= termAt.size()) continue;
        const int side = picture_.input[term.channel].rows + 2 * pad;
        const int r = term.row + pad, c = term.col + pad;
        if (r >= 0 && c >= 0 && r < side && c < side) termAt[term.channel][r * side + c] = t;
    }
    QVector<bool> lit;
    if (!picture_.input.isEmpty()) {
        lit.fill(false, picture_.input[0].rows * picture_.input[0].cols);
        for (const QPoint& q : picture_.lit)
            if (q.x() >= 0 && q.y() >= 0 && q.x() < picture_.input[0].rows && q.y() < picture_.input[0].cols)
                lit[q.x() * picture_.input[0].cols + q.y()] = true;
    }
    const QFont valueFont = theme::uiFont(std::clamp(inputCell_ * 0.28, 7.0, 12.0));
    for (int ch = 0; ch < picture_.input.size(); ++ch) {
        const ConvGrid& g = picture_.input[ch];
        const int side = g.rows + 2 * pad;
        const double top = inputArea_.top() + ch * (side * inputCell_ + 10);
        for (int r = 0; r < side; ++r)
            for (int c = 0; c < side; ++c) {
                const QRectF cell(inputArea_.left() + c * inputCell_, top + r * inputCell_, inputCell_, inputCell_);
                const bool padding = r < pad || c < pad || r >= g.rows + pad || c >= g.cols + pad;
                if (padding) {
                    p.fillRect(cell, QColor(0xf3, 0xe9, 0xd2));
                    p.setPen(QPen(theme::mutedInk(), 1, Qt::DashLine));
                } else {
                    p.fillRect(cell, greyColor(g.at(r - pad, c - pad)));
                    p.setPen(QPen(QColor(0x99, 0x99, 0x99), 0.5));
                }
                p.drawRect(cell);
                const int t = termAt[ch].value(r * side + c, -1);
                const bool receptive = !padding && !lit.isEmpty() && ch == 0 && lit[(r - pad) * g.cols + (c - pad)];
                if (t >= 0 || receptive) {
                    const bool chosen = t >= 0 && t == picture_.chosen;
                    p.fillRect(cell.adjusted(1, 1, -1, -1), chosen ? QColor(230, 97, 1, 150) : QColor(33, 102, 172, 90));
                    p.setPen(QPen(chosen ? QColor(230, 97, 1) : theme::highlightNext(), 2.5));
                    p.drawRect(cell.adjusted(1, 1, -1, -1));
                    if (t >= 0 && inputCell_ >= 26) {
                        p.setFont(valueFont);
                        p.setPen(Qt::white);
                        p.drawText(cell, Qt::AlignCenter, number(picture_.terms[t].input));
                    }
                }
            }
        if (picture_.input.size() == 3) {
            p.setPen(theme::mutedInk());
            p.setFont(theme::uiFont(12));
            p.drawText(QPointF(inputArea_.right() + 4, top + 14), QStringLiteral("RGB").mid(ch, 1));
        }
    }

    if (kernel) {
        double scale = 1e-9;
        for (const ConvGrid& k : picture_.kernel)
            for (double v : k.values) scale = std::max(scale, std::abs(v));
        p.setFont(theme::uiFont(std::clamp(kernelCell_ * 0.26, 8.0, 14.0)));
        for (int ch = 0; ch < picture_.kernel.size(); ++ch)
            for (int u = 0; u < picture_.kernelSize; ++u)
                for (int v = 0; v < picture_.kernelSize; ++v) {
                    const QRectF cell = kernelCellRect(ch, u, v);
                    const double w = picture_.kernel[ch].at(u, v);
                    p.fillRect(cell, theme::signedColor(w, scale));
                    p.setPen(QPen(theme::ink(), 1));
                    p.drawRect(cell);
                    p.drawText(cell, Qt::AlignCenter, number(w));
                }
        if (picture_.dilation > 1) {
            p.setFont(theme::uiFont(12));
            p.setPen(theme::mutedInk());
            p.drawText(QRectF(kernelArea_.left(), kernelArea_.bottom() + 6, std::max(120.0, kernelArea_.width()), 90), Qt::TextWordWrap,
                       tr("dilation %1: a gap of %2 between cells").arg(picture_.dilation).arg(picture_.dilation - 1));
        }
    }

    // The output map: visited cells show their value, the current one is framed.
    const ConvGrid& out = picture_.output;
    double scale = 1e-9;
    for (double v : out.values) scale = std::max(scale, std::abs(v));
    p.setFont(theme::uiFont(std::clamp(outputCell_ * 0.28, 7.0, 13.0)));
    for (int r = 0; r < out.rows; ++r)
        for (int c = 0; c < out.cols; ++c) {
            const QRectF cell = outputCellRect(r, c);
            const bool seen = picture_.visited.value(r * out.cols + c, false);
            if (seen && !out.values.isEmpty()) {
                p.fillRect(cell, picture_.mode == ConvPicture::Mode::Pool || picture_.mode == ConvPicture::Mode::Pointwise
                                     ? greyColor(out.at(r, c) / scale)
                                     : theme::signedColor(out.at(r, c), scale));
            } else {
                p.fillRect(cell, seen ? QColor(0xd1, 0xe5, 0xf0) : QColor(0xf7, 0xf7, 0xf7));
            }
            p.setPen(QPen(QColor(0xaa, 0xaa, 0xaa), 0.5));
            p.drawRect(cell);
            if (seen && !out.values.isEmpty() && outputCell_ >= 30) {
                const bool grey = picture_.mode == ConvPicture::Mode::Pool || picture_.mode == ConvPicture::Mode::Pointwise;
                const bool light = grey ? out.at(r, c) > 0.5 * scale : std::abs(out.at(r, c)) <= 0.6 * scale;
                p.setPen(light ? theme::ink() : QColor(Qt::white));
                // As many digits as the cell has room for.
                QString text = number(out.at(r, c));
                for (int digits = 2; digits >= 1 && p.fontMetrics().horizontalAdvance(text) > cell.width() - 4; --digits)
                    text = QString::number(out.at(r, c), 'g', digits).replace(QLatin1Char('-'), QChar(0x2212));
                p.drawText(cell, Qt::AlignCenter, text);
            }
        }
    if (out.rows > 0) {
        p.setPen(QPen(QColor(230, 97, 1), 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(outputCellRect(picture_.cursorRow, picture_.cursorCol).adjusted(1, 1, -1, -1));
    }
}

}  // namespace ns
