#pragma once

#include <Qt>

namespace longitude::models {

/// Item-data roles shared by every Longitude item model, so that generic delegates and views
/// (combo boxes of valid ids, problem markers, jump-to-field) work on any of them.
enum ModelRole : int {
    IdRole = Qt::UserRole + 1, ///< QString: id of the object the row shows
    JsonPointerRole,           ///< QString: JSON pointer of the cell's field in the saved file
    DiagnosticRole,            ///< QString: engine diagnostics for this cell, one per line
    SeverityRole,              ///< int: worst engine::Severity for the cell, -1 when none
    ChoicesRole,               ///< QStringList: the values an editor may offer for the cell
    LatencyColorRole,          ///< QColor: colour of an RTT on the latency scale
    IsDirectLinkRole,          ///< bool: the RTT cell is a direct link (not a shortest path)
    ValueRole                  ///< double: the cell's raw number (e.g. RTT ms, hourly multiplier)
};

} // namespace longitude::models
