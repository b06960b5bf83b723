"""The package itself: what importing it costs."""


def test_importing_the_package_loads_no_heavy_module_until_a_name_is_used():
    import subprocess
    import sys

    code = ("import sys, mwbe_match; heavy = [m for m in ('pandas', 'scipy', 'requests', 'pyarrow') if m in sys.modules];"
            "print(heavy); mwbe_match.Matcher; print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["[]", "True"]
