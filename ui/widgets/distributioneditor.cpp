#include "ui/widgets/distributioneditor.h"

#include "ui/widgets/numberspinbox.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QStackedWidget>

#include <cmath>
#include <memory>

namespace longitude::ui {

namespace {

QString joinNumbers(const std::vector<double> &numbers)
{
    QStringList parts;
    for (double n : numbers)
        parts << QString::number(n, 'g', 10);
    return parts.join(QStringLiteral(", "));
}

std::vector<double> splitNumbers(const QString &text)
{
    std::vector<double> numbers;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double n = part.toDouble(&ok);
        if (ok && std::isfinite(n))
            numbers.push_back(n);
    }
    return numbers;
}

} // namespace

DistributionEditor::DistributionEditor(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_clamp(new QWidget(this))
{
    for (auto kind : {engine::DistributionKind::Constant, engine::DistributionKind::Uniform,
                      engine::DistributionKind::Exponential, engine::DistributionKind::Lognormal,
                      engine::DistributionKind::Empirical})
        m_kind->addItem(QString::fromLatin1(engine::distributionKindName(kind)), static_cast<int>(kind));

    constexpr double kMax = 1e9;
    m_value = numberBox(kMax);
    m_uniformMin = numberBox(kMax);
    m_uniformMax = numberBox(kMax);
    m_mean = numberBox(kMax);
    m_mu = numberBox(100);
    m_mu->setMinimum(-100);
    m_sigma = numberBox(100);
    m_values = new QLineEdit(this);
    m_weights = new QLineEdit(this);
    // Only numbers and separators, so that every value typed is kept.
    const QRegularExpression list(QStringLiteral("[0-9eE.+\\-,;\\s]*"));
    m_values->setValidator(new QRegularExpressionValidator(list, m_values));
    m_weights->setValidator(new QRegularExpressionValidator(list, m_weights));
    m_values->setPlaceholderText(tr("e.g. 128, 512, 2048"));
    m_weights->setPlaceholderText(tr("e.g. 0.5, 0.3, 0.2"));
    m_clampMin = numberBox(kMax);
    m_clampMax = numberBox(kMax);
    m_clampMin->setSpecialValueText(tr("none"));
    m_clampMax->setSpecialValueText(tr("none"));

    auto page = [this](std::initializer_list<std::pair<QString, QWidget *>> fields) {
        auto *widget = new QWidget(m_pages);
        auto *layout = new QHBoxLayout(widget);
        layout->setContentsMargins(0, 0, 0, 0);
        for (const auto &[label, field] : fields) {
            layout->addWidget(new QLabel(label, widget));
            layout->addWidget(field, 1);
        }
        m_pages->addWidget(widget);
    };
    page({{tr("value"), m_value}});
    page({{tr("min"), m_uniformMin}, {tr("max"), m_uniformMax}});
    page({{tr("mean"), m_mean}});
    page({{tr("μ (ln)"), m_mu}, {tr("σ (ln)"), m_sigma}});
    page({{tr("values"), m_values}, {tr("weights"), m_weights}});

    auto *clampLayout = new QHBoxLayout(m_clamp);
    clampLayout->setContentsMargins(0, 0, 0, 0);
    clampLayout->addWidget(new QLabel(tr("clamp to"), m_clamp));
    clampLayout->addWidget(m_clampMin, 1);
    clampLayout->addWidget(new QLabel(QStringLiteral("–"), m_clamp));
    clampLayout->addWidget(m_clampMax, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_kind);
    top->addWidget(m_pages, 1);
    layout->addLayout(top);
    layout->addWidget(m_clamp);

    connect(m_kind, &QComboBox::activated, this, [this] {
        showKind();
        emit edited();
    });
    for (QDoubleSpinBox *box : {m_value, m_uniformMin, m_uniformMax, m_mean, m_mu, m_sigma, m_clampMin, m_clampMax})
        connect(box, &QDoubleSpinBox::editingFinished, this, &DistributionEditor::edited);
    connect(m_values, &QLineEdit::editingFinished, this, &DistributionEditor::edited);
    connect(m_weights, &QLineEdit::editingFinished, this, &DistributionEditor::edited);
    showKind();
}

QDoubleSpinBox *DistributionEditor::numberBox(double maximum)
{
    auto *box = new NumberSpinBox(this);
    box->setRange(0, maximum);
    return box;
}

void DistributionEditor::showKind()
{
    m_pages->setCurrentIndex(m_kind->currentIndex());
    const bool clampable = m_kind->currentData().toInt() != static_cast<int>(engine::DistributionKind::Constant)
                        && m_kind->currentData().toInt() != static_cast<int>(engine::DistributionKind::Uniform);
    m_clamp->setVisible(clampable);
}

void DistributionEditor::setDistribution(const engine::Distribution &d)
{
    const QList<QObject *> children{m_kind, m_value, m_uniformMin, m_uniformMax, m_mean, m_mu,
                                    m_sigma, m_values, m_weights, m_clampMin, m_clampMax};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QObject *child : children)
        blockers.push_back(std::make_unique<QSignalBlocker>(child));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(d.kind)));
    m_value->setValue(d.value);
    m_uniformMin->setValue(d.min);
    m_uniformMax->setValue(d.max);
    m_mean->setValue(d.mean);
    m_mu->setValue(d.mu);
    m_sigma->setValue(d.sigma);
    m_values->setText(joinNumbers(d.values));
    m_weights->setText(joinNumbers(d.weights));
    m_clampMin->setValue(d.min);
    m_clampMax->setValue(d.max);
    showKind();
}

engine::Distribution DistributionEditor::distribution() const
{
    engine::Distribution d;
    d.kind = static_cast<engine::DistributionKind>(m_kind->currentData().toInt());
    switch (d.kind) {
    case engine::DistributionKind::Constant:
        d.value = m_value->value();
        break;
    case engine::DistributionKind::Uniform:
        d.min = m_uniformMin->value();
        d.max = m_uniformMax->value();
        break;
    case engine::DistributionKind::Exponential:
        d.mean = m_mean->value();
        break;
    case engine::DistributionKind::Lognormal:
        d.mu = m_mu->value();
        d.sigma = m_sigma->value();
        break;
    case engine::DistributionKind::Empirical:
        d.values = splitNumbers(m_values->text());
        d.weights = splitNumbers(m_weights->text());
        break;
    }
    if (d.kind != engine::DistributionKind::Constant && d.kind != engine::DistributionKind::Uniform) {
        d.min = m_clampMin->value();
        d.max = m_clampMax->value();
    }
    return d;
}

} // namespace longitude::ui
