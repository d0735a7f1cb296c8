#pragma once
// What the frame-rate benchmarks measure while a model trains at full speed:
// - frames actually painted: paint events of the watched widgets, counted per 1 s window, so the
//   median and the slowest second are both reported;
// - the longest GUI-thread gap: a 1 ms precise QTimer heartbeat records the longest interval
//   between two of its timeouts (any paint, replot or snapshot handling longer than that shows);
// - the GUI thread's cost per frame: its CPU time (CLOCK_THREAD_CPUTIME_ID, not disturbed much by
//   other processes on the machine) divided by the frames painted, and the time spent inside each
//   watched widget's paint events and each plot's replots.
// Header-only, shared by bench/gui, bench/lab and bench/cnn.
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <vector>

namespace ns::bench {

constexpr double kTargetFps = 60.0;
constexpr long kTargetGapMs = 20;
constexpr int kProjectorWidth = 1920;
constexpr int kProjectorHeight = 1080;

inline double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

class FrameMeter : public QObject {
public:
    // `frameWidget`: the view whose paint events are the frames counted.
    explicit FrameMeter(QWidget* frameWidget) : frame_(frameWidget) { watchPaint(frameWidget, QString()); }

    // Also time the paint events of `w` (reported by name).
    void watchPaint(QWidget* w, const QString& name) {
        w->installEventFilter(this);
        names_[w] = name;
    }
    // Time the replots of `plot` (between its beforeReplot and afterReplot signals).
    void watchReplots(QCustomPlot* plot, const QString& name) {
        connect(plot, &QCustomPlot::beforeReplot, this, [this, name] {
            Cost& c = replots_[name];
            c.wallStart.start();
            c.cpuStart = threadCpuMs();
        });
        connect(plot, &QCustomPlot::afterReplot, this, [this, name] {
            Cost& c = replots_[name];
            if (!running_ || !c.wallStart.isValid()) return;
            c.ms += static_cast<double>(c.wallStart.nsecsElapsed()) / 1e6;
            c.cpuMs += threadCpuMs() - c.cpuStart;
            ++c.count;
        });
    }

    // Runs the event loop for `seconds`, measuring.
    void run(double seconds) {
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(1);
        QElapsedTimer sinceBeat;
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 gap = sinceBeat.restart();
            longestGap_ = std::max(longestGap_, gap);
            if (gap > kTargetGapMs) ++gapsOverTarget_;
        });
        QTimer window;
        window.setTimerType(Qt::PreciseTimer);
        window.setInterval(1000);
        long framesAtWindow = 0;
        connect(&window, &QTimer::timeout, this, [&] {
            perSecond_.push_back(static_cast<double>(frames_ - framesAtWindow));
            framesAtWindow = frames_;
        });
        QEventLoop loop;
        QTimer::singleShot(static_cast<int>(seconds * 1000) + 20, &loop, &QEventLoop::quit);
        frames_ = 0;
        running_ = true;
        const double cpuStart = threadCpuMs();
        QElapsedTimer clock;
        clock.start();
        sinceBeat.start();
        heartbeat.start();
        window.start();
        loop.exec();
        running_ = false;
        seconds_ = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        cpuMs_ = threadCpuMs() - cpuStart;
    }

    double meanFps() const { return seconds_ > 0 ? frames_ / seconds_ : 0; }
    double medianFps() const {
        if (perSecond_.empty()) return meanFps();
        std::vector<double> v = perSecond_;
        std::sort(v.begin(), v.end());
        return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    }
    double minFps() const {
        return perSecond_.empty() ? meanFps() : *std::min_element(perSecond_.begin(), perSecond_.end());
    }
    long frames() const { return frames_; }
    qint64 longestGapMs() const { return longestGap_; }
    double cpuMsPerFrame() const { return frames_ > 0 ? cpuMs_ / frames_ : 0; }
    double cpuShare() const { return seconds_ > 0 ? cpuMs_ / (seconds_ * 1000) : 0; }

    // Prints the figures next to the targets.
    void report(const char* what) const {
        std::printf("%s: %.1f frames/s median, %.1f slowest second, %.1f mean over %.1f s "
                    "(target >= %.0f)\n",
                    what, medianFps(), minFps(), meanFps(), seconds_, kTargetFps);
        std::printf("  GUI thread: longest gap %lld ms (target <= %ld), %ld gaps over %ld ms; "
                    "CPU %.2f ms per frame (%.0f %% of one core)\n",
                    static_cast<long long>(longestGap_), kTargetGapMs, gapsOverTarget_, kTargetGapMs,
                    cpuMsPerFrame(), 100 * cpuShare());
        for (const auto& [w, cost] : paints_)
            if (cost.count > 0)
                std::printf("  paint  %-22s CPU %.2f ms, wall %.2f ms per paint (%ld paints)\n",
                            qPrintable(nameOf(w)), cost.cpuMs / cost.count, cost.ms / cost.count, cost.count);
        for (const auto& [name, cost] : replots_)
            if (cost.count > 0)
                std::printf("  replot %-22s CPU %.2f ms, wall %.2f ms per replot (%ld replots)\n",
                            qPrintable(name), cost.cpuMs / cost.count, cost.ms / cost.count, cost.count);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Paint || inside_ || !running_) return QObject::eventFilter(watched, event);
        // Time the widget's own handling of the paint event (it is inside the repaint already).
        inside_ = true;
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        watched->event(event);
        Cost& c = paints_[watched];
        c.ms += static_cast<double>(t.nsecsElapsed()) / 1e6;
        c.cpuMs += threadCpuMs() - cpu;
        ++c.count;
        inside_ = false;
        if (watched == frame_) ++frames_;
        return true;
    }

private:
    struct Cost {
        double ms = 0;     // wall-clock
        double cpuMs = 0;  // the GUI thread's CPU time
        long count = 0;
        QElapsedTimer wallStart;
        double cpuStart = 0;
    };
    QString nameOf(QObject* w) const {
        const auto it = names_.find(w);
        if (it != names_.end() && !it->second.isEmpty()) return it->second;
        return w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
    }

    QPointer<QWidget> frame_;
    std::map<QObject*, QString> names_;
    std::map<QObject*, Cost> paints_;
    std::map<QString, Cost> replots_;
    std::vector<double> perSecond_;
    long frames_ = 0;
    long gapsOverTarget_ = 0;
    qint64 longestGap_ = 0;
    double seconds_ = 0;
    double cpuMs_ = 0;
    bool running_ = false;
    bool inside_ = false;
};

}  // namespace ns::bench
