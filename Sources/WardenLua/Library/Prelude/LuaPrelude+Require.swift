extension LuaPrelude {
    /// The `require` global: an imported library by its key, or a module listed in the entry's
    /// `modules` (each built-in module is its own piece, loaded on its first `require`).
    static let require = #"""
        local P, core = ...
        local type, error = type, error
        local loaded = {}

        function require(name)
            if type(name) ~= "string" then error("require takes a module name", 2) end
            local module = loaded[name]
            if module ~= nil then return module end
            local chunk = P.library(name)
            if chunk ~= nil then
                module = chunk()
                if module == nil then module = true end
                loaded[name] = module
                return module
            end
            if not P.module_allowed(name) then
                error("module `" .. name .. "` is not listed in the `modules` of entry `" .. P.entry()
                    .. "`; hint: add it to the entry's `modules`", 2)
            end
            if name == "os" then return os end
            local make = P.piece("module." .. name)
            if not make then
                error("module `" .. name .. "` (listed in the `modules` of entry `" .. P.entry()
                    .. "`) is not provided by this host", 2)
            end
            module = make(P, core)
            loaded[name] = module
            return module
        end
        """#
}
