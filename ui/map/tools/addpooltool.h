#pragma once

#include "maptool.h"

namespace longitude::ui {

/// Puts GPU capacity on the map: click a region to open the quick pool form for it (GPU type,
/// count, model, tensor parallelism, pricing); OK adds the pool as one undo step.
class AddPoolTool : public MapTool
{
public:
    explicit AddPoolTool(MapCanvas *canvas);

    QString name() const override;
    QString hint() const override;
    QCursor cursor() const override;
    void mouseClick(QMouseEvent *event) override;
};

} // namespace longitude::ui
