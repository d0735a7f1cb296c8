#pragma once
// An image cut into patches, as a ViT sees it: the pixels in grey, the patch grid over them, and
// one of three overlays — the patches' numbers (the order they become tokens), the class token's
// attention over the patches (a warm tint, the strongest patch fully tinted), or MAE's masked
// patches greyed out.
#include <QImage>
#include <QString>
#include <QWidget>

#include <vector>

namespace ns {

class PatchImageView : public QWidget {
    Q_OBJECT
public:
    enum class Overlay { Patches, Attention, Mask };
    explicit PatchImageView(QWidget* parent = nullptr);
    // pixels: side × side in [0, 1]; grid: patches per side.
    void setImage(const std::vector<double>& pixels, int side, int grid);
    void setOverlay(Overlay overlay);
    void setAttention(const std::vector<double>& weights);  // grid² weights
    void setMask(const std::vector<bool>& masked);          // grid² flags
    void setTitle(const QString& title);
    void setSelected(bool selected);
    void setPresenterScale(double scale);

    Overlay overlay() const { return overlay_; }
    int grid() const { return grid_; }
    const std::vector<double>& attention() const { return attention_; }
    const std::vector<bool>& mask() const { return mask_; }
    QString title() const { return title_; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void clicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QImage image_;
    int side_ = 0, grid_ = 0;
    Overlay overlay_ = Overlay::Patches;
    std::vector<double> attention_;
    std::vector<bool> mask_;
    QString title_;
    bool selected_ = false;
    double scale_ = 1.0;
};

// The token sequence a ViT reads: [CLS] and then every patch as a small tile, in order; masked
// patches (MAE) greyed out, the visible ones the encoder reads kept.
class TokenStrip : public QWidget {
    Q_OBJECT
public:
    explicit TokenStrip(QWidget* parent = nullptr);
    void setTokens(const std::vector<double>& pixels, int side, int grid, const std::vector<bool>& masked);
    void setPresenterScale(double scale);
    int tokenCount() const { return grid_ > 0 ? 1 + grid_ * grid_ : 0; }
    int visibleCount() const;
    QSize sizeHint() const override;
    int heightForWidth(int width) const override;
    bool hasHeightForWidth() const override { return true; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int tile() const;
    std::vector<double> pixels_;
    int side_ = 0, grid_ = 0;
    std::vector<bool> mask_;
    double scale_ = 1.0;
};

}  // namespace ns
