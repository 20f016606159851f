/// What reading a PowerShell sample knows about a value.
indirect enum PowerShellValue: Hashable, Sendable {
    /// Strings (with `$env:X` and `$var` expanded into placeholders), numbers, booleans, `$null`,
    /// hashtables (`@{…}` as objects) and arrays.
    case value(SymbolicValue)
    /// `$x | ConvertTo-Json`: the JSON text of a value.
    case json(SymbolicValue)
    /// `Get-Item -Path a.wav` / `Get-ChildItem a.wav`: a file to upload.
    case file(String)
    /// The answer of request `call` (`$response = Invoke-RestMethod …`), at `path`.
    case response(call: Int, path: [ResponsePathComponent])
    case unknown(String)

    var symbolic: SymbolicValue {
        switch self {
        case .value(let s): return s
        case .json(let s): return s
        case .file(let path): return .placeholder(.file(path: path, encoding: .binary))
        case .response(let call, let path): return .placeholder(.response(call: call, path: ResponsePath.normalized(path)))
        case .unknown(let text): return .placeholder(.unknown(text))
        }
    }
}
