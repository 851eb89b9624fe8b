/// Whether a spawn also monitors and/or links the child.
public enum SpawnMode: Sendable, Hashable, CaseIterable {
    /// `spawn`: neither.
    case plain
    /// `spawn_monitored`: the caller monitors the child.
    case monitored
    /// `spawn_linked`: caller and child are linked.
    case linked
    /// `spawn_linked_monitored`: both.
    case linkedMonitored

    /// Whether the caller monitors the child.
    public var monitors: Bool { self == .monitored || self == .linkedMonitored }
    /// Whether caller and child are linked.
    public var links: Bool { self == .linked || self == .linkedMonitored }

    /// The operation this mode is named after (`spawn_linked`, ...).
    public var operation: ProcessOperation {
        switch self {
        case .plain: .spawn
        case .monitored: .spawnMonitored
        case .linked: .spawnLinked
        case .linkedMonitored: .spawnLinkedMonitored
        }
    }
}
