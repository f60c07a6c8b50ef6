#pragma once

#include "models/idtablemodel.h"

#include <vector>

namespace longitude::models {

/// Daily traffic per region: one row per region with its peak requests per second, its curve
/// (a preset or "custom") and the 24 hourly multipliers in the region's local time. The traffic
/// editor draws its chart from here and edits through setData(), which pushes SetTrafficPoint,
/// SetTrafficPreset or SetTrafficCurve commands. Regions without a traffic entry show an empty
/// row; editing it creates the entry.
class TrafficModel : public IdTableModel
{
    Q_OBJECT

public:
    enum Column { PeakColumn, CurveColumn, FirstHourColumn, ColumnCount = FirstHourColumn + 24 };

    /// The curve column's value for explicit hourly values.
    static QString customCurveName();

    explicit TrafficModel(ScenarioDocument *document, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    bool hasTraffic(int row) const;
    double peakRps(int row) const;
    /// The 24 multipliers of `row` in local hours (a preset expanded); zeros without traffic.
    std::vector<double> localCurve(int row) const;
    /// Requests per second of `row` during UTC hour `utcHour` (0..23), the region's curve shifted
    /// by its UTC offset. A fractional offset (India, +5.5) falls in the local hour it starts in.
    double rpsAtUtcHour(int row, int utcHour) const;
    /// The region's UTC offset in hours (0 when unknown).
    double utcOffsetHours(int row) const;

protected:
    QVariant cellData(int row, int column, int role) const override;
    QString fieldPointer(int row, int column) const override;
    QString rowPointer(int row) const override;
    QStringList currentIds() const override;

private:
    int trafficIndex(int row) const;
    const engine::RegionTraffic *traffic(int row) const;
};

} // namespace longitude::models
