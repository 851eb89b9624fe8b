extension LuaPrelude {
    /// The `logger` module: `logger:debug|info|warn|error(message, fields?)`, and
    /// `logger:with(fields)` / `logger:named(name)` for loggers that add fields or a name.
    static let logger = #"""
        local P = ...
        local setmetatable, getmetatable, type, tostring, pairs, error = setmetatable, getmetatable, type, tostring, pairs, error

        local Logger = {__name = "logger"}
        local LoggerMethods = {}
        Logger.__index = LoggerMethods

        local function new_logger(fields, name) return setmetatable({_fields = fields, _name = name}, Logger) end

        local function merged(base, extra)
            if extra == nil then return base end
            if type(extra) ~= "table" then error("logger fields must be a table, not " .. type(extra), 3) end
            local out = {}
            for k, v in pairs(base) do out[k] = v end
            for k, v in pairs(extra) do out[k] = v end
            return out
        end

        local function level(name)
            return function(self, message, fields)
                if type(self) ~= "table" or getmetatable(self) ~= Logger then
                    error("logger." .. name .. " is a method; hint: call it as logger:" .. name .. "(message)", 2)
                end
                P.log(name, tostring(message), merged(self._fields, fields), self._name)
            end
        end
        LoggerMethods.debug = level("debug")
        LoggerMethods.info = level("info")
        LoggerMethods.warn = level("warn")
        LoggerMethods.error = level("error")
        function LoggerMethods:with(fields) return new_logger(merged(self._fields, fields), self._name) end
        function LoggerMethods:named(name)
            if type(name) ~= "string" then error("logger:named takes a string", 2) end
            if self._name then name = self._name .. "." .. name end
            return new_logger(self._fields, name)
        end

        return new_logger({}, nil)
        """#
}
