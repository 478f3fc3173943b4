"""Console helpers of the progress bars (extensions.util in Chainer)."""
import collections
import os
import sys
import time

if os.name == 'nt':
    import ctypes

    _STD_OUTPUT_HANDLE = -11

    class _COORD(ctypes.Structure):
        _fields_ = [('X', ctypes.c_short), ('Y', ctypes.c_short)]

    class _SMALL_RECT(ctypes.Structure):
        _fields_ = [('Left', ctypes.c_short), ('Top', ctypes.c_short),
                    ('Right', ctypes.c_short), ('Bottom', ctypes.c_short)]

    class _CONSOLE_SCREEN_BUFFER_INFO(ctypes.Structure):
        _fields_ = [('dwSize', _COORD), ('dwCursorPosition', _COORD),
                    ('wAttributes', ctypes.c_ushort),
                    ('srWindow', _SMALL_RECT),
                    ('dwMaximumWindowSize', _COORD)]

    def _screen_info():
        handle = ctypes.windll.kernel32.GetStdHandle(_STD_OUTPUT_HANDLE)
        info = _CONSOLE_SCREEN_BUFFER_INFO()
        ctypes.windll.kernel32.GetConsoleScreenBufferInfo(
            handle, ctypes.byref(info))
        return handle, info

    def set_console_cursor_position(x, y):
        """Moves the Windows console cursor by ``(x, y)``."""
        handle, info = _screen_info()
        cur = info.dwCursorPosition
        ctypes.windll.kernel32.SetConsoleCursorPosition(
            handle, _COORD(cur.X + x, cur.Y + y))

    def erase_console(x, y, mode=0):
        """Erases the Windows console: 0 after the cursor, 1 the line
        before it, 2 everything."""
        handle, info = _screen_info()
        cur = info.dwCursorPosition
        written = ctypes.c_ulong()
        if mode == 0:
            num = info.srWindow.Right * (
                info.srWindow.Bottom - cur.Y) - cur.X
            ctypes.windll.kernel32.FillConsoleOutputCharacterA(
                handle, ord(' '), num, cur, ctypes.byref(written))
        elif mode == 1:
            ctypes.windll.kernel32.FillConsoleOutputCharacterA(
                handle, ord(' '), cur.X, _COORD(0, cur.Y),
                ctypes.byref(written))
        elif mode == 2:
            os.system('cls')


class ProgressBar(object):
    """A console progress display redrawn in place (ANSI escapes)."""

    def __init__(self, bar_length=None, out=None):
        self._bar_length = 50 if bar_length is None else bar_length
        self._out = sys.stdout if out is None else out
        self._recent_timing = collections.deque([], maxlen=100)

    def update_speed(self, iteration, epoch_detail):
        """Returns ``(iterations/s, epochs/s)`` over the recent updates."""
        now = time.time()
        self._recent_timing.append((iteration, epoch_detail, now))
        old_t, old_e, old_sec = self._recent_timing[0]
        span = now - old_sec
        if span != 0:
            return (iteration - old_t) / span, (epoch_detail - old_e) / span
        return float('inf'), float('inf')

    def get_lines(self):
        raise NotImplementedError

    def update(self):
        self.erase_console()
        lines = self.get_lines()
        for line in lines:
            self._out.write(line)
        self.move_cursor_up(len(lines))
        self.flush()

    def close(self):
        self.erase_console()
        self.flush()

    def erase_console(self):
        if os.name == 'nt':
            erase_console(0, 0)
        else:
            self._out.write('\033[J')

    def move_cursor_up(self, n):
        if os.name == 'nt':
            set_console_cursor_position(0, -n)
        else:
            self._out.write('\033[{:d}A'.format(n))

    def flush(self):
        if hasattr(self._out, 'flush'):
            self._out.flush()
