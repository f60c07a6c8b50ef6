#pragma once

#include "engine/stats/simulationresult.h"

#include <string>

namespace longitude::engine {

/// Writes a run's timeline as CSV, one row per time bucket (by arrival time), for spreadsheets
/// and the GUI's charts: counts, TTFT/E2E quantiles and utilisation overall and per pool.
/// Columns are documented in docs/summary-format.md; numbers have fixed decimals, so the file
/// is as reproducible as the summary.
class TimeSeriesCsv
{
public:
    static std::string write(const SimulationResult &result);
};

} // namespace longitude::engine
