#pragma once
// A vector drawn as a strip of cells, one per component, coloured by sign and size (blue
// positive, orange negative, grey zero): a one-hot vector is V cells with one lit, a dense one
// d cells all coloured. The caption above says what it is.
#include <QWidget>

#include <vector>

namespace ns {

class VectorStrip : public QWidget {
    Q_OBJECT
public:
    explicit VectorStrip(QWidget* parent = nullptr);
    void setValues(const std::vector<double>& values, const QString& caption);
    void setPresenterScale(double scale);
    const std::vector<double>& values() const { return values_; }
    const QString& caption() const { return caption_; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<double> values_;
    QString caption_;
    double scale_ = 1.0;
};

}  // namespace ns
