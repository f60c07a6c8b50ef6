#pragma once

#include "engine/planning/reservationplan.h"

#include <string>

namespace longitude::engine {

/// Writes a ReservationPlan as the `longitude.plan/1` JSON document (docs/planning.md): fixed
/// key order, numbers rounded to fixed decimals, two-space indentation and a trailing newline,
/// so that the same scenario and options give byte-identical files (no wall-clock time in it).
/// It exists so that scripts and spreadsheets get the plan without parsing the CLI's text.
class ReservationPlanJson
{
public:
    static constexpr const char *kSchema = "longitude.plan/1";
    static std::string write(const ReservationPlan &plan);
};

} // namespace longitude::engine
