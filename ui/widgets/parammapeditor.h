#pragma once

#include "engine/scenario/scenario.h"

#include <QWidget>

class QTableWidget;

namespace longitude::ui {

/// Edits the named numeric parameters of a policy or strategy (engine::ParamMap) as a two-column
/// table with add and remove buttons. Emits edited() once a change is complete.
class ParamMapEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ParamMapEditor(QWidget *parent = nullptr);

    void setParams(const engine::ParamMap &params);
    engine::ParamMap params() const;

signals:
    void edited();

private:
    QTableWidget *m_table;
    bool m_filling = false;
};

} // namespace longitude::ui
