import WardenLua
import WardenRuntime
import WardenValue
import WardenYAML

/// Which Lua entry kind an entry is.
public enum LuaEntryKind: String, Sendable, Hashable {
    /// `process.lua`: a process definition.
    case process = "process.lua"
    /// `function.lua`: a function `warden run -x` or `--test` runs as a process.
    case function = "function.lua"
    /// `library.lua`: code other entries `require` by an import key.
    case library = "library.lua"
}

/// A `process.lua`, `function.lua` or `library.lua` entry as read from the tree.
public struct LuaEntry: Sendable {
    /// `namespace:name`.
    public var id: String
    /// The entry kind.
    public var kind: LuaEntryKind
    /// The Lua file, resolved against the YAML file's directory.
    public var sourcePath: String
    /// The file's text.
    public var source: String
    /// The function of the returned table to run (`nil` for libraries).
    public var method: String?
    /// The entry's `modules` list.
    public var modules: [String]
    /// The entry's `imports` map: the `require` key to a `library.lua` entry id.
    public var imports: [String: String]
    /// The entry's `meta` (`type: test` marks a test function).
    public var meta: [String: Value]
    /// The entry's `security` block, for process definitions.
    public var security: DefinitionSecurity?
    /// Where the entry starts.
    public var mark: Mark

    /// Whether this is a `function.lua` entry with `meta.type: test`.
    public var isTest: Bool { kind == .function && meta["type"] == .string("test") }
}

/// A `process.host` or `terminal.host` entry.
public struct HostEntry: Sendable {
    /// `namespace:name`.
    public var id: String
    /// Whether it is a `terminal.host`.
    public var isTerminal: Bool
    /// `host.max_processes`, when given.
    public var maxProcesses: Int?
}

/// How a service is restarted after an abnormal exit: exponential backoff with optional jitter,
/// a bounded number of times in a row.
public struct RestartPolicy: Sendable, Hashable {
    /// Restarts at most this many times in a row, then the service stays down; 0 means no limit
    /// (Wippy's `max_attempts: 0`).
    public var maxAttempts: Int
    /// The wait before the first restart.
    public var initialDelay: Duration
    /// The longest wait between restarts.
    public var maxDelay: Duration
    /// How much each wait grows over the previous one.
    public var backoffFactor: Double
    /// Each wait is moved by up to this fraction of itself, at random (0.1: ±10 %).
    public var jitter: Double

    /// Creates a policy; the defaults are Wippy's (5 attempts, 1 s, 90 s, factor 2, no jitter).
    public init(
        maxAttempts: Int = 5, initialDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(90),
        backoffFactor: Double = 2, jitter: Double = 0
    ) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.backoffFactor = backoffFactor
        self.jitter = jitter
    }

    /// Whether restart number `attempt` (1-based) may happen.
    public func allows(attempt: Int) -> Bool {
        maxAttempts == 0 || attempt <= maxAttempts
    }

    /// ``delay(beforeAttempt:)`` moved by the jitter, using `random` in 0 ... 1.
    public func jitteredDelay(beforeAttempt attempt: Int, random: Double) -> Duration {
        delay(beforeAttempt: attempt) * (1 + jitter * (2 * random - 1))
    }

    /// The wait before restart number `attempt` (1-based).
    public func delay(beforeAttempt attempt: Int) -> Duration {
        var delay = initialDelay
        var step = 1
        while step < attempt, delay < maxDelay {
            delay = delay * backoffFactor
            step += 1
        }
        return min(delay, maxDelay)
    }
}

/// A `process.service` entry: a supervised process.
public struct ServiceEntry: Sendable {
    /// `namespace:name`.
    public var id: String
    /// The `process.lua` entry it runs.
    public var process: String
    /// The host it runs on.
    public var host: String
    /// Whether `warden run` starts it.
    public var autoStart: Bool
    /// Its restart policy.
    public var restart: RestartPolicy
    /// Its actor and scope (`lifecycle.security`).
    public var security: DefinitionSecurity?
    /// The entries it needs running first (`lifecycle.requires`, or the older `depends_on`);
    /// those that are services of the tree are started before it and stopped after it.
    public var requires: [String] = []
    /// How long it has to stop after the cancel at shutdown (`lifecycle.stop_timeout`); `nil`:
    /// `warden run --shutdown-timeout`.
    public var stopTimeout: Duration?
    /// A run at least this long resets the count of restarts in a row
    /// (`lifecycle.stable_threshold`, default 5 s).
    public var stableThreshold: Duration = .seconds(5)
    /// Where the entry starts.
    public var mark: Mark
}
