#include "gate_heatmap.h"

#include "common/theme.h"
#include "sequence/sequence_style.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ns {

GateHeatmap::GateHeatmap(QWidget* parent) : QWidget(parent) { setAttribute(Qt::WA_OpaquePaintEvent); }

void GateHeatmap::setPicture(const SequencePicture& picture) {
    picture_ = picture;
    update();
}

void GateHeatmap::setPresenterScale(double scale) {
    scale_ = scale;
    update();
}

std::vector<GateHeatmap::Block> GateHeatmap::blocks() const {
    std::vector<Block> out;
    for (const SequenceGate& g : picture_.gates) out.push_back({g.key, g.sigmoid, &g.values});
    if (!picture_.c.empty()) out.push_back({QStringLiteral("C"), false, &picture_.c});
    if (!picture_.h.empty()) out.push_back({QStringLiteral("h"), false, &picture_.h});
    return out;
}

QStringList GateHeatmap::rowKeys() const {
    QStringList keys;
    for (const Block& b : blocks()) keys << b.key;
    return keys;
}

QRect GateHeatmap::plotArea() const {
    const int left = static_cast<int>(std::lround(64 * scale_));
    const int bottom = static_cast<int>(std::lround(24 * scale_));
    return QRect(left, 4, std::max(1, width() - left - 8), std::max(1, height() - bottom - 8));
}

void GateHeatmap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme::background());
    const auto all = blocks();
    if (!picture_.valid() || all.empty()) return;
    const QRect area = plotArea();
    const int n = static_cast<int>(all.size());
    const int gap = static_cast<int>(std::lround(6 * scale_));
    const double blockHeight = (area.height() - gap * (n - 1)) / static_cast<double>(n);
    const int steps = picture_.steps, units = picture_.units;
    const double cw = area.width() / static_cast<double>(steps);
    const double rh = blockHeight / units;
    p.setFont(theme::mathFont(12 * scale_));
    for (int b = 0; b < n; ++b) {
        const double top = area.top() + b * (blockHeight + gap);
        const auto& values = *all[static_cast<std::size_t>(b)].values;
        for (int s = 0; s < steps && s < static_cast<int>(values.size()); ++s)
            for (int u = 0; u < units && u < static_cast<int>(values[static_cast<std::size_t>(s)].size()); ++u) {
                const QRectF cell(area.left() + s * cw, top + u * rh, cw + 0.5, rh + 0.5);
                p.fillRect(cell, sequence_style::valueColor(values[static_cast<std::size_t>(s)][static_cast<std::size_t>(u)],
                                                            all[static_cast<std::size_t>(b)].sigmoid));
            }
        p.setPen(QPen(theme::mutedInk(), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(area.left(), top, area.width(), blockHeight));
        // The selected unit's row.
        p.setPen(QPen(theme::ink(), 1, Qt::DashLine));
        p.drawRect(QRectF(area.left(), top + picture_.selectedUnit * rh, area.width(), rh));
        p.setPen(theme::ink());
        p.drawText(QRectF(0, top, area.left() - 6, blockHeight), Qt::AlignRight | Qt::AlignVCenter,
                   sequence_style::gateSymbol(all[static_cast<std::size_t>(b)].key));
    }
    // The selected step's column.
    p.setPen(QPen(theme::ink(), 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(area.left() + picture_.selectedStep * cw, area.top(), cw, area.height()));
    // Time axis.
    p.setFont(theme::uiFont(11 * scale_));
    p.setPen(theme::mutedInk());
    const int every = std::max(1, static_cast<int>(std::ceil(40 * scale_ / std::max(1.0, cw))));
    for (int s = 0; s < steps; s += every)
        p.drawText(QRectF(area.left() + s * cw - 20, area.bottom() + 2, cw + 40, 20 * scale_), Qt::AlignHCenter | Qt::AlignTop,
                   QString::number(s + 1));
}

void GateHeatmap::mousePressEvent(QMouseEvent* event) {
    const QRect area = plotArea();
    const auto all = blocks();
    if (!picture_.valid() || all.empty() || !area.contains(event->position().toPoint())) return;
    const int n = static_cast<int>(all.size());
    const int gap = static_cast<int>(std::lround(6 * scale_));
    const double blockHeight = (area.height() - gap * (n - 1)) / static_cast<double>(n);
    const double x = event->position().x() - area.left(), y = event->position().y() - area.top();
    const int step = std::clamp(static_cast<int>(x / (area.width() / static_cast<double>(picture_.steps))), 0, picture_.steps - 1);
    const double within = std::fmod(y, blockHeight + gap);
    const int unit = std::clamp(static_cast<int>(within / (blockHeight / picture_.units)), 0, picture_.units - 1);
    emit cellClicked(step, unit);
}

}  // namespace ns
