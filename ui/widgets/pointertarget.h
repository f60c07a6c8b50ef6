#pragma once

#include <QString>

namespace longitude::ui {

/// Something that can show the field a JSON pointer names ("/pools/3/gpuCount"): a panel selects
/// the row and focuses the editor. The Problems dock asks each panel in turn when the planner
/// activates a problem, so that every diagnostic leads to the place to fix it.
class PointerTarget
{
public:
    virtual ~PointerTarget() = default;
    /// Shows and focuses the field; false when the pointer is not this panel's.
    virtual bool revealPointer(const QString &pointer) = 0;
};

} // namespace longitude::ui
