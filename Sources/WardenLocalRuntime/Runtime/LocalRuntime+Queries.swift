import WardenRuntime

extension LocalRuntime {
    /// The live process `destination` stands for, or `NOT_FOUND`.
    public func resolve(_ destination: Destination) async throws(ProcessError) -> PID {
        try table.withLock { t throws(ProcessError) in try t.resolve(destination) }
    }

    /// The current holder of `name`.
    public func owner(ofName name: String) async -> PID? {
        table.withLock { $0.names[name] }
    }

    /// A registered definition's id and `security:` block.
    public func definition(_ id: String) async -> DefinitionInfo? {
        table.withLock { $0.definitions[id]?.info }
    }

    /// Stops every process (`runtime shut down`), refuses new ones, and waits for their bodies.
    public func shutdown() async {
        let effects = table.withLock { $0.shutDown() }
        perform(effects)
        for case .stopped(let process, _, _) in effects {
            await process.task?.value
        }
    }
}
