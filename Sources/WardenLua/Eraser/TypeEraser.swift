/// Placeholder replaced below.
enum TypeEraser {
    static func erase(_ source: String, chunkName: String) throws(LuaLoadError) -> String { source }
}
