import WardenRuntime
import WardenValue

/// One live process as the table sees it: its relations and lifecycle flags.
struct ProcessEntry<Handle> {
    /// What the runtime attaches to the process (its mailbox and task in the real runtime).
    var handle: Handle
    /// The definition id the process currently runs.
    var definition: String
    /// Processes linked with this one (symmetric).
    var links: Set<PID> = []
    /// Processes monitoring this one (they get EXIT).
    var monitors: Set<PID> = []
    /// Processes this one monitors (kept so their monitor sets are cleaned when this one exits).
    var monitoring: Set<PID> = []
    /// Names this process holds.
    var names: [String] = []
    /// Whether LINK_DOWN arrives as an event instead of killing this process.
    var trapLinks = false
}

/// An upgrade scheduled with `upgrade(id?, ...)`, applied when the current body unwinds.
struct PendingUpgrade {
    /// The definition to run.
    var definition: ProcessDefinition
    /// Its arguments.
    var args: [Value]
}
