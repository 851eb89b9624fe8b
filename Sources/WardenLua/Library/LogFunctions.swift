import Logging
import WardenRuntime
import WardenValue

extension LuaProcess {
    /// The Swift side of the `logger` module: `log(level, message, fields, name?)` writes one
    /// entry to the program's swift-log `Logger`, with the process's PID, actor and entry
    /// attached (after the fields, so Lua code cannot pass itself off as another process).
    func log(_ stack: LuaStack) throws(ProcessError) -> LuaReturn {
        let level: Logger.Level =
            switch stack.string(at: 1) {
            case "debug": .debug
            case "warn": .warning
            case "error": .error
            default: .info
            }
        let message = stack.string(at: 2) ?? ""
        var metadata: Logger.Metadata = [:]
        if !stack.isNoneOrNil(3), case .map(let fields) = try LuaValueReader.read(stack, at: 3, what: "logger field") {
            for (key, value) in fields { metadata[key] = LuaProcess.metadataValue(value) }
        }
        if let name = stack.string(at: 4) { metadata["logger"] = .string(name) }
        metadata["pid"] = .string(context.pid.description)
        metadata["entry"] = .string(program?.entry ?? context.definition)
        if let actor = context.security.actor { metadata["actor"] = .string(actor.id) }
        program?.services.logger.log(level: level, "\(message)", metadata: metadata)
        return .results(0)
    }

    /// A log field's value as swift-log metadata.
    static func metadataValue(_ value: Value) -> Logger.MetadataValue {
        switch value {
        case .null: .string("nil")
        case .bool(let flag): .stringConvertible(flag)
        case .int(let number): .stringConvertible(number)
        case .double(let number): .stringConvertible(number)
        case .string(let text): .string(text)
        case .list(let items): .array(items.map(metadataValue))
        case .map(let fields): .dictionary(fields.mapValues(metadataValue))
        }
    }
}
