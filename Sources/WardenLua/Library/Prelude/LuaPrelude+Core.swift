extension LuaPrelude {
    /// What the other pieces share through `S`: `mkerr(kind, message)` (an error value,
    /// `err:kind()`, `err:message()`, made by the host like the ones its functions return) and
    /// `Channel`, the metatable of channel objects (whose methods are host functions).
    static let core = #"""
        local P, S = ...
        S.mkerr = P.error_new
        S.Channel = P.channel_metatable()
        """#
}
