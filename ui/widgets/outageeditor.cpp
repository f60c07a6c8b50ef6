#include "ui/widgets/outageeditor.h"

#include "engine/io/valuerules.h"
#include "models/scenariodocument.h"
#include "ui/widgets/fielddiagnosticlabel.h"
#include "ui/widgets/numberspinbox.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace longitude::ui {

namespace {

// Ten minutes, an assumption to edit; JPMorgan's rehearsed regional failover took 22 (seed 000).
constexpr double kDefaultOutageS = 600.0;

QDoubleSpinBox *secondsBox(const engine::NumberRange &range, QWidget *parent)
{
    auto *box = new NumberSpinBox(parent);
    box->setRange(range.min, range.max);
    box->setDecimals(3);
    box->setSingleStep(60);
    box->setSuffix(QObject::tr(" s"));
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // Narrower than the guard of 1e9 s would ask for: the target's name needs the room.
    box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("86400.5 s")) + 30);
    return box;
}

// "10 min", "1 h 30 min", "45 s": how long a number of seconds is, for tooltips.
QString humanDuration(double seconds)
{
    const long long s = std::llround(seconds);
    if (s < 60)
        return QObject::tr("%1 s").arg(s);
    const long long minutes = s / 60;
    if (minutes < 60)
        return s % 60 == 0 ? QObject::tr("%1 min").arg(minutes) : QObject::tr("%1 min %2 s").arg(minutes).arg(s % 60);
    return QObject::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

// Wall-clock UTC time of a moment `seconds` into a run that starts at `startUtcHour`.
QString utcClock(double startUtcHour, double seconds)
{
    // A clock shows the minute that has begun: 19:02:30 reads 19:02.
    const long long minutes = static_cast<long long>(std::floor(startUtcHour * 60.0 + seconds / 60.0 + 1e-9));
    const long long inDay = ((minutes % 1440) + 1440) % 1440;
    return QStringLiteral("%1:%2 UTC").arg(inDay / 60, 2, 10, QLatin1Char('0')).arg(inDay % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

OutageEditor::OutageEditor(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_empty(new QLabel(tr("No outage: every region and pool stays up."), this))
    , m_add(new QToolButton(this))
{
    m_add->setText(tr("Add outage"));
    m_add->setObjectName(QStringLiteral("addOutage"));
    m_add->setToolTip(tr("Take a region or a pool down for a while during the run"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_add, &QToolButton::clicked, this, &OutageEditor::addOutage);
    reload();
}

void OutageEditor::rebuild(int count)
{
    delete m_table;
    m_rows.clear();
    m_table = new QWidget(this);
    m_grid = new QGridLayout(m_table);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(0, 3);
    m_grid->setColumnStretch(1, 2);
    m_grid->setColumnStretch(2, 2);
    const QStringList headers{tr("Region or pool"), tr("Fails at"), tr("Down for")};
    for (int column = 0; column < headers.size(); ++column) {
        auto *header = new QLabel(headers[column], m_table);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        m_grid->addWidget(header, 0, column);
    }
    int line = 1;
    for (int i = 0; i < count; ++i) {
        Row row;
        row.target = new QComboBox(m_table);
        row.target->setObjectName(QStringLiteral("outageTarget%1").arg(i));
        row.target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        row.target->setMinimumContentsLength(12);
        row.start = secondsBox(engine::rules::kOutageStartS, m_table);
        row.start->setObjectName(QStringLiteral("outageStart%1").arg(i));
        row.duration = secondsBox(engine::rules::kOutageDurationS, m_table);
        row.duration->setObjectName(QStringLiteral("outageDuration%1").arg(i));
        auto *remove = new QToolButton(m_table);
        remove->setText(QStringLiteral("✕"));
        remove->setObjectName(QStringLiteral("removeOutage%1").arg(i));
        row.remove = remove;
        auto *diagnostic = new FieldDiagnosticLabel(m_document, m_table);
        diagnostic->setPointer(QStringLiteral("/failover/outages/%1").arg(i), true);
        m_grid->addWidget(row.target, line, 0);
        m_grid->addWidget(row.start, line, 1);
        m_grid->addWidget(row.duration, line, 2);
        m_grid->addWidget(remove, line++, 3);
        m_grid->addWidget(diagnostic, line++, 0, 1, 4);

        connect(row.target, &QComboBox::activated, this, [this, i] { editRow(i); });
        connect(row.start, &QDoubleSpinBox::valueChanged, this, [this, i] { editRow(i); });
        connect(row.duration, &QDoubleSpinBox::valueChanged, this, [this, i] { editRow(i); });
        connect(remove, &QToolButton::clicked, this, [this, i] { m_document->removeOutage(i); });
        m_rows.push_back(row);
    }
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_table);
    m_table->setVisible(count > 0);
}

void OutageEditor::fillTargets(QComboBox *box, const QString &current) const
{
    const engine::Scenario &s = m_document->scenario();
    box->clear();
    // Ids only, so that long pool ids fit; the list is sectioned into regions and pools.
    auto header = [box](const QString &text) {
        box->addItem(text);
        if (auto *model = qobject_cast<QStandardItemModel *>(box->model())) {
            QStandardItem *item = model->item(box->count() - 1);
            item->setEnabled(false);
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    };
    header(tr("Regions (all their pools)"));
    for (const engine::Region &region : s.regions) {
        const QString id = QString::fromStdString(region.id);
        box->addItem(id, id);
        box->setItemData(box->count() - 1, tr("Region %1: all its pools go down").arg(id), Qt::ToolTipRole);
    }
    header(tr("Pools"));
    for (const engine::Pool &pool : s.pools) {
        const QString id = QString::fromStdString(pool.id);
        box->addItem(id, id);
        box->setItemData(box->count() - 1,
                         tr("Pool %1 in %2: %3 × %4").arg(id, QString::fromStdString(pool.region)).arg(pool.gpuCount)
                             .arg(QString::fromStdString(pool.gpuType)),
                         Qt::ToolTipRole);
    }
    int index = current.isEmpty() ? -1 : box->findData(current);
    if (index < 0) {
        // A target the scenario lacks (renamed, deleted, a typo in the file): shown, and reported.
        box->addItem(current.isEmpty() ? tr("(none)") : tr("%1 (unknown)").arg(current), current);
        index = box->count() - 1;
    }
    box->setCurrentIndex(index);
    const bool isRegion = s.findRegion(current.toStdString()) != nullptr;
    const bool isPool = s.findPool(current.toStdString()) != nullptr;
    box->setToolTip(isRegion ? tr("Region %1: all its pools go down").arg(current)
                    : isPool ? tr("Pool %1 goes down").arg(current)
                             : tr("Not a region or pool of this scenario"));
}

void OutageEditor::reload()
{
    const engine::Scenario &s = m_document->scenario();
    const auto &outages = s.failover.outages;
    if (m_table == nullptr || static_cast<int>(outages.size()) != rowCount())
        rebuild(static_cast<int>(outages.size()));
    m_empty->setText(outages.empty() ? tr("No outage: every region and pool stays up.")
                                     : tr("Times are seconds after the simulation starts (%1); hover a time for the clock.")
                                           .arg(utcClock(s.simulation.startUtcHour, 0)));
    m_empty->setWordWrap(true);
    m_loading = true;
    for (std::size_t i = 0; i < outages.size(); ++i) {
        const engine::Outage &outage = outages[i];
        const Row &row = m_rows[i];
        const QSignalBlocker blockTarget(row.target);
        const QSignalBlocker blockStart(row.start);
        const QSignalBlocker blockDuration(row.duration);
        fillTargets(row.target, QString::fromStdString(outage.target));
        row.start->setValue(outage.startS);
        row.duration->setValue(outage.durationS);
        const double startHour = s.simulation.startUtcHour;
        row.start->setToolTip(tr("%1 after the simulation starts, at %2")
                                  .arg(humanDuration(outage.startS), utcClock(startHour, outage.startS)));
        row.duration->setToolTip(tr("%1: back up at %2")
                                     .arg(humanDuration(outage.durationS), utcClock(startHour, outage.startS + outage.durationS)));
        row.remove->setToolTip(tr("Remove the outage of %1").arg(QString::fromStdString(outage.target)));
    }
    m_loading = false;
}

void OutageEditor::addOutage()
{
    const engine::Scenario &s = m_document->scenario();
    engine::Outage outage;
    const QString current = m_document->currentRegionId();
    outage.target = !current.isEmpty() && s.findRegion(current.toStdString()) != nullptr ? current.toStdString()
                    : s.regions.empty()                                                  ? std::string()
                                                                                         : s.regions.front().id;
    // From the end of the warm-up, so that the outage falls in the measured time.
    outage.startS = s.simulation.warmupS;
    outage.durationS = kDefaultOutageS;
    m_document->addOutage(outage);
}

void OutageEditor::editRow(int row)
{
    const auto &outages = m_document->scenario().failover.outages;
    if (m_loading || row < 0 || row >= static_cast<int>(outages.size()) || row >= rowCount())
        return;
    const Row &r = m_rows[static_cast<std::size_t>(row)];
    engine::Outage outage;
    outage.target = r.target->currentData().toString().toStdString();
    outage.startS = r.start->value();
    outage.durationS = r.duration->value();
    m_document->editOutage(row, outage);
}

QComboBox *OutageEditor::targetBox(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].target : nullptr;
}

QDoubleSpinBox *OutageEditor::startBox(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].start : nullptr;
}

QDoubleSpinBox *OutageEditor::durationBox(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].duration : nullptr;
}

QAbstractButton *OutageEditor::removeButton(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].remove : nullptr;
}

QWidget *OutageEditor::editorFor(const QString &pointer) const
{
    const QString prefix = QStringLiteral("/failover/outages/");
    if (!pointer.startsWith(prefix))
        return pointer == QLatin1String("/failover/outages") ? static_cast<QWidget *>(m_add) : nullptr;
    const QStringList parts = pointer.mid(prefix.size()).split(QLatin1Char('/'));
    bool ok = false;
    const int row = parts.value(0).toInt(&ok);
    if (!ok || row < 0 || row >= rowCount())
        return nullptr;
    const QString field = parts.value(1);
    if (field == QLatin1String("startS"))
        return startBox(row);
    if (field == QLatin1String("durationS"))
        return durationBox(row);
    return targetBox(row);
}

} // namespace longitude::ui
