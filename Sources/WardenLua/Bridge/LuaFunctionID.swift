/// The Swift functions Lua code can call, each entered through the C trampoline with its id.
///
/// Most of the `process` table's functions are these functions themselves (``processFields``);
/// the prelude receives the others in a table keyed by ``name`` and builds the rest of the
/// Lua-visible API (`channel.select`, `coroutine.spawn`, the spawner builder, the modules) on
/// top of them.
enum LuaFunctionID: Int32, CaseIterable {
    case pid = 1
    case frame, send, spawn, spawnPlain, spawnMonitored, spawnLinked, spawnLinkedMonitored, terminate, cancel, monitor,
        unmonitor, link, unlink
    case getOptions, setOptions, inbox, events, listen, unlisten, exec, upgrade
    case register, lookup, unregister
    case channelNew, channelSend, channelReceive, channelClose, channelSelect
    case spawnCoroutine, setMetatable, errorNew, channelMetatable, processField, processNames
    case timeNow, sleep, timer, parseDuration, formatTime
    case timeFields, timeParse, timeDate, timeRound, loadLocation, durationString, timerControl
    case jsonEncode, jsonDecode, uuidV4, uuidV7, contextGet, contextAll
    case makePrimitive, piece, openLibrary, library, moduleAllowed, entry
    case log
    case securityCan, securityEvaluate, securityActor, securitySummary
    case ioCheck, ioWrite, ioReadLine

    /// Every function by its ``name``.
    static let byName: [String: LuaFunctionID] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The key of the function in the primitives table the prelude receives.
    var name: String {
        switch self {
        case .pid: "pid"
        case .frame: "id"
        case .send: "send"
        case .spawn: "spawn"
        case .spawnPlain: "spawn_plain"
        case .spawnMonitored: "spawn_monitored"
        case .spawnLinked: "spawn_linked"
        case .spawnLinkedMonitored: "spawn_linked_monitored"
        case .terminate: "terminate"
        case .cancel: "cancel"
        case .monitor: "monitor"
        case .unmonitor: "unmonitor"
        case .link: "link"
        case .unlink: "unlink"
        case .getOptions: "get_options"
        case .setOptions: "set_options"
        case .inbox: "inbox"
        case .events: "events"
        case .listen: "listen"
        case .unlisten: "unlisten"
        case .exec: "exec"
        case .upgrade: "upgrade"
        case .register: "register"
        case .lookup: "lookup"
        case .unregister: "unregister"
        case .channelNew: "channel_new"
        case .channelSend: "channel_send"
        case .channelReceive: "channel_receive"
        case .channelClose: "channel_close"
        case .channelSelect: "channel_select"
        case .spawnCoroutine: "coroutine_spawn"
        case .setMetatable: "set_metatable"
        case .errorNew: "error_new"
        case .channelMetatable: "channel_metatable"
        case .processField: "process_field"
        case .processNames: "process_names"
        case .timeNow: "time_now"
        case .sleep: "sleep"
        case .timer: "timer"
        case .parseDuration: "parse_duration"
        case .formatTime: "format_time"
        case .timeFields: "time_fields"
        case .timeParse: "time_parse"
        case .timeDate: "time_date"
        case .timeRound: "time_round"
        case .loadLocation: "load_location"
        case .durationString: "duration_string"
        case .timerControl: "timer_control"
        case .jsonEncode: "json_encode"
        case .jsonDecode: "json_decode"
        case .uuidV4: "uuid_v4"
        case .uuidV7: "uuid_v7"
        case .contextGet: "ctx_get"
        case .contextAll: "ctx_all"
        case .makePrimitive: "make_primitive"
        case .piece: "piece"
        case .openLibrary: "open_library"
        case .library: "library"
        case .moduleAllowed: "module_allowed"
        case .entry: "entry"
        case .log: "log"
        case .securityCan: "security_can"
        case .securityEvaluate: "security_evaluate"
        case .securityActor: "security_actor"
        case .securitySummary: "security_scope"
        case .ioCheck: "io_check"
        case .ioWrite: "io_write"
        case .ioReadLine: "io_readline"
        }
    }

    /// The functions of the `process` table by their names there (`process.spawn_linked` is
    /// ``spawnLinked``); each is made on the first read of its name.
    static let processFields: [String: LuaFunctionID] = [
        "pid": .pid, "id": .frame, "send": .send, "spawn": .spawnPlain, "spawn_monitored": .spawnMonitored,
        "spawn_linked": .spawnLinked, "spawn_linked_monitored": .spawnLinkedMonitored, "terminate": .terminate,
        "cancel": .cancel, "monitor": .monitor, "unmonitor": .unmonitor, "link": .link, "unlink": .unlink,
        "get_options": .getOptions, "set_options": .setOptions, "exec": .exec, "upgrade": .upgrade,
        "inbox": .inbox, "events": .events, "listen": .listen, "unlisten": .unlisten,
    ]

    /// The functions of `process.registry` by their names there.
    static let registryFields: [String: LuaFunctionID] = [
        "register": .register, "lookup": .lookup, "unregister": .unregister,
    ]
}
