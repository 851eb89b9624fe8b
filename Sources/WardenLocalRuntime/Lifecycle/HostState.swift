import WardenRuntime

/// A registered host: its bound, how many of its processes are alive, and its PID counter.
struct HostState {
    /// The host id, shared by every PID of the host.
    let id: String
    /// The most processes alive at once.
    var limit: Int
    /// Processes alive now.
    var live = 0
    /// The last counter handed out; counters are never reused.
    var lastCounter: UInt64 = 0
}
