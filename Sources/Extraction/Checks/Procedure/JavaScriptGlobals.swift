/// Names JavaScript and TypeScript code can read without declaring them, in the environments pages
/// target (ESLint's `builtin`, `node` and `browser` globals, the ones samples use): the language's
/// built-ins, Node.js's globals, and the browser's. `import`/`super` are the parser's pseudo-names.
enum JavaScriptGlobals {
    static let names: Set<String> = [
        // Audio worklet and web worker scopes.
        "registerProcessor", "AudioWorkletProcessor", "sampleRate", "currentTime", "currentFrame", "importScripts", "onmessage",
        "AbortController", "AbortSignal", "AggregateError", "Array", "ArrayBuffer", "Atomics", "Audio",
        "AudioBuffer", "AudioContext", "AudioWorkletNode", "BigInt", "BigInt64Array", "BigUint64Array", "Blob",
        "Boolean", "BroadcastChannel", "Buffer", "Bun", "ByteLengthQueuingStrategy", "CloseEvent",
        "CompressionStream", "CountQueuingStrategy", "Crypto", "CryptoKey", "CustomEvent", "DOMException",
        "DataView", "Date", "DecompressionStream", "Deno", "DocumentFragment", "Element", "Error", "ErrorEvent",
        "EvalError", "Event", "EventSource", "EventTarget", "File", "FileReader", "FinalizationRegistry",
        "Float32Array", "Float64Array", "FormData", "Function", "HTMLAudioElement", "HTMLButtonElement",
        "HTMLCanvasElement", "HTMLDivElement", "HTMLElement", "HTMLFormElement", "HTMLImageElement",
        "HTMLInputElement", "HTMLMediaElement", "HTMLSelectElement", "HTMLTextAreaElement", "HTMLVideoElement",
        "Headers", "Image", "Infinity", "InputEvent", "Int16Array", "Int32Array", "Int8Array",
        "IntersectionObserver", "Intl", "Iterator", "JSON", "KeyboardEvent", "Map", "Math", "MediaRecorder",
        "MediaStream", "MessageChannel", "MessageEvent", "MessagePort", "MouseEvent", "MutationObserver", "NaN",
        "Navigator", "Node", "NodeList", "Notification", "Number", "Object", "OfflineAudioContext", "Option",
        "Performance", "PerformanceEntry", "PerformanceObserver", "ProgressEvent", "Promise", "Proxy",
        "RangeError", "ReadableStream", "ReadableStreamDefaultReader", "ReferenceError", "Reflect", "RegExp",
        "Request", "ResizeObserver", "Response", "ServiceWorker", "Set", "SharedArrayBuffer",
        "SpeechSynthesisUtterance", "String", "SubmitEvent", "SubtleCrypto", "Symbol", "SyntaxError",
        "TextDecoder", "TextDecoderStream", "TextEncoder", "TextEncoderStream", "TransformStream", "TypeError",
        "URIError", "URL", "URLSearchParams", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray",
        "WeakMap", "WeakRef", "WeakSet", "WebAssembly", "WebSocket", "Worker", "WritableStream",
        "WritableStreamDefaultWriter", "XMLHttpRequest", "__dirname", "__filename", "addEventListener", "alert",
        "arguments", "atob", "btoa", "caches", "cancelAnimationFrame", "clearImmediate", "clearInterval",
        "clearTimeout", "close", "confirm", "console", "crypto", "customElements", "decodeURI",
        "decodeURIComponent", "devicePixelRatio", "dispatchEvent", "document", "encodeURI",
        "encodeURIComponent", "escape", "eval", "exports", "fetch", "frames", "getComputedStyle", "global",
        "globalThis", "history", "import", "indexedDB", "innerHeight", "innerWidth", "isFinite", "isNaN",
        "isSecureContext", "localStorage", "location", "matchMedia", "module", "name", "navigator", "new",
        "open", "opener", "origin", "parent", "parseFloat", "parseInt", "performance", "postMessage", "print",
        "process", "prompt", "queueMicrotask", "removeEventListener", "requestAnimationFrame", "require",
        "screen", "scrollTo", "scrollX", "scrollY", "self", "sessionStorage", "setImmediate", "setInterval",
        "setTimeout", "speechSynthesis", "status", "structuredClone", "super", "top", "undefined", "unescape",
        "webkitAudioContext", "window",
    ]

    /// Browser globals with names a program also uses for its own variables (`prompt`, `name`,
    /// `status`): not globals in Node.js, so a file run by `node` that reads one undeclared fails.
    static let browserOnlyCommonNames: Set<String> = [
        "prompt", "name", "status", "open", "close", "print", "top", "parent", "origin", "self", "frames", "alert",
        "confirm", "screen", "history", "location", "event", "opener",
    ]

    /// Properties of Node's `process` object; a member close to `env` but not one of these is a
    /// misspelling (`process.evn`).
    static let processProperties: Set<String> = [
        "env", "argv", "argv0", "exit", "exitCode", "cwd", "chdir", "platform", "version", "versions", "stdout", "stderr",
        "stdin", "on", "once", "off", "nextTick", "hrtime", "memoryUsage", "pid", "ppid", "arch", "title", "execPath",
        "execArgv", "kill", "uptime", "emitWarning", "release", "config", "features", "umask", "getuid", "emit",
        "loadEnvFile", "resourceUsage", "allowedNodeEnvironmentFlags",
    ]

    /// Globals of the browser whose names follow a family pattern (`HTMLParagraphElement`, `PointerEvent`).
    /// Unknown names of these shapes are Web API classes often enough that reporting them would be
    /// a guess (`AnalyserNode`, `DOMParser`, `MediaStreamTrack`).
    static func isFamilyGlobal(_ name: String) -> Bool {
        guard name.first?.isUppercase == true else { return false }
        let prefixes = ["HTML", "SVG", "CSS", "RTC", "DOM", "WebGL", "GPU", "Media", "Audio", "Speech", "XR", "Intl"]
        let suffixes = ["Event", "Element", "Error", "Node", "Stream", "Observer", "Track", "List", "Reader", "Writer"]
        return prefixes.contains(where: name.hasPrefix) || suffixes.contains(where: name.hasSuffix)
    }
}
