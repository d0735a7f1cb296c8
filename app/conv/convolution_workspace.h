#pragma once
// The convolution workspace: the sliding-window canvas with the controls of its model (mode,
// picture, kernel, geometry, play/step), the output-size formula with the current numbers, the
// parameter count, and the current position's products and sum written out.
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace ns {

class ConvCanvas;
class ConvolutionModel;
struct ConvPicture;

class ConvolutionWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit ConvolutionWorkspace(ConvolutionModel* model, QWidget* parent = nullptr);
    ConvCanvas* canvas() const { return canvas_; }
    ConvolutionModel* model() const { return model_; }
    QString sumText() const;  // the products and sum as shown
    // An image as the input (grey, scaled); false with the reason shown when it cannot be read or
    // is over the file-size limit (32 MiB). The model is unchanged then.
    bool openImageFile(const QString& path);
    QString errorText() const;

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    void retranslate();
    void openImage();
    ConvPicture picture() const;
    static QString modeLabel(const QString& mode);
    static QString presetLabel(const QString& name);

    ConvolutionModel* model_;
    ConvCanvas* canvas_;
    QComboBox *mode_, *input_, *kernel_, *poolKind_;
    QSpinBox *inputSize_, *kernelSize_, *stride_, *padding_, *dilation_, *channels_, *outChannels_, *outShown_;
    QSpinBox *poolSize_, *poolStride_, *layers_;
    QPushButton *play_, *step_, *back_, *open_, *undo_, *redo_;
    QSlider* scrub_;
    QLabel *formula_, *parameters_, *sum_, *error_;
    QList<QLabel*> captions_;
    bool refreshing_ = false;
};

}  // namespace ns
