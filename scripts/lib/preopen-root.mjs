// preview2-shim >= 0.25 preopens no directory; jco and componentize-js read WIT through it.
import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';
_setPreopens({ '/': '/' });
