/// A call as an operator writes it for a permission dry-run (`warden check`), in the API's
/// argument order: `send DEST TOPIC`, `spawn_linked ID HOST`, `terminate DEST`, `register NAME`,
/// `with_actor`, `upgrade ID`, ...
///
/// Nothing is resolved: a PID or name destination is taken as given (a name also becomes the
/// `name` attribute), so a dry-run needs no running runtime.
public struct DryRunCall: Sendable, Hashable {
    /// The call's facts, ready for the ``CheckPlanner``.
    public var facts: CallFacts

    /// Parses `arguments` (the call name first) for a caller with PID `callerPID`.
    ///
    /// - Parameters:
    ///   - owner: the current owner of the name (the `owner` attribute) for `unregister`, or of a
    ///     taken `with_name` name for spawns.
    ///   - builder: spawner options attached to a spawn call.
    /// - Throws: ``DryRunError`` naming the problem and the expected form.
    public init(
        arguments: [String], callerPID: String, owner: String? = nil, builder: CallFacts.BuilderOptions = .none
    ) throws(DryRunError) {
        guard let name = arguments.first else { throw .missingCall }
        guard let call = GuardedCall(commandLineName: name) else { throw .unknownCall(name) }
        let operands = Array(arguments.dropFirst())
        guard operands.count == call.operandNames.count else {
            throw .wrongOperands(call, given: operands.count)
        }
        for (operand, label) in zip(operands, call.operandNames) where operand.isEmpty {
            throw .emptyOperand(call, label)
        }
        var facts = CallFacts(call: call, callerPID: callerPID)
        switch call {
        case .send:
            facts = Self.destination(call, operands[0], callerPID: callerPID)
            facts.topic = operands[1]
        case .terminate, .cancel, .monitor, .unmonitor, .link, .unlink:
            facts = Self.destination(call, operands[0], callerPID: callerPID)
        case .spawn, .spawnMonitored, .spawnLinked, .spawnLinkedMonitored, .exec:
            facts.definition = operands[0]
            facts.host = operands[1]
            if call.isSpawn {
                facts.builder = builder
                if builder.name != nil { facts.owner = owner }
            }
        case .withContext:
            facts.builder.context = true
        case .withActor:
            facts.builder.actor = true
        case .withScope:
            facts.builder.scope = true
        case .withName:
            facts.builder.name = operands[0]
        case .register:
            facts.name = operands[0]
        case .unregister:
            facts.name = operands[0]
            facts.owner = owner
        case .upgrade:
            facts.upgradeDefinition = operands[0]
        }
        self.facts = facts
    }

    private static func destination(_ call: GuardedCall, _ dest: String, callerPID: String) -> CallFacts {
        CallFacts(
            call: call, callerPID: callerPID, destination: dest, targetPID: dest,
            name: dest.hasPrefix("{") ? nil : dest)
    }
}

extension GuardedCall {
    /// The operands the call takes on the command line, in the API's order.
    public var operandNames: [String] {
        switch self {
        case .send: ["DEST", "TOPIC"]
        case .spawn, .spawnMonitored, .spawnLinked, .spawnLinkedMonitored, .exec: ["ID", "HOST"]
        case .terminate, .cancel, .monitor, .unmonitor, .link, .unlink: ["DEST"]
        case .withContext, .withActor, .withScope: []
        case .withName, .register, .unregister: ["NAME"]
        case .upgrade: ["ID"]
        }
    }

    /// The call as written on the command line with its operands, e.g. `send DEST TOPIC`.
    public var usage: String { ([rawValue] + operandNames).joined(separator: " ") }
}

/// A dry-run call that cannot be parsed.
public enum DryRunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No call was given.
    case missingCall
    /// The call name is not a guarded call.
    case unknownCall(String)
    /// The call got the wrong number of operands.
    case wrongOperands(GuardedCall, given: Int)
    /// An operand is empty.
    case emptyOperand(GuardedCall, String)

    /// A lowercase message with the expected form.
    public var description: String {
        switch self {
        case .missingCall:
            "missing call; hint: name one of \(Self.callList), e.g. `spawn_linked app.workers:handler app:processes`"
        case .unknownCall(let name):
            "unknown call `\(name)`; hint: use one of \(Self.callList)"
        case .wrongOperands(let call, let given):
            "`\(call.rawValue)` takes \(call.operandNames.count) operand(s), \(given) given; hint: write `\(call.usage)`"
        case .emptyOperand(let call, let label):
            "`\(call.rawValue)` got an empty \(label); hint: write `\(call.usage)`"
        }
    }

    private static var callList: String {
        GuardedCall.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
    }
}
