#pragma once

namespace longitude::engine {

/// Lets the caller of a long run follow it and stop it: the CLI draws a progress bar, the GUI's
/// runner forwards progress as signals and asks to cancel. Called from the simulating thread a
/// few times per simulated second of wall time, never per event.
class SimulationObserver
{
public:
    virtual ~SimulationObserver() = default;
    /// Share of the run done, in [0, 1].
    virtual void progress(double fraction) { (void)fraction; }
    /// Return true to stop the run early (the result then covers what was simulated).
    virtual bool cancelled() { return false; }
};

} // namespace longitude::engine
