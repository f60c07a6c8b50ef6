#pragma once

#include "engine/scenario/diagnostic.h"
#include "engine/scenario/scenario.h"

#include <QAbstractTableModel>

namespace longitude::models {

class ScenarioDocument;

/// The engine's problems with the open scenario, for the Problems dock: severity, where (the
/// JSON pointer, spelled with object ids so a planner recognises it) and the message. Activating
/// a row hands its pointer (JsonPointerRole) to the window, which jumps to the field.
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, LocationColumn, MessageColumn, ColumnCount };

    explicit DiagnosticsModel(ScenarioDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int errorCount() const;
    int warningCount() const;

    /// "/pools/3/gpuCount" spelled for a planner: "pools › gpu-a › gpuCount".
    static QString describePointer(const engine::Scenario &scenario, const QString &pointer);

private:
    void refresh();

    ScenarioDocument *m_document;
    engine::Diagnostics m_diagnostics;
};

} // namespace longitude::models
