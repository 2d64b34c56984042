"""Ships resources/ and forms/ inside the package, so a plain (non-editable) install finds them too."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["blanko_desktop*"]) + ["blanko_desktop.resources", "blanko_desktop.forms"],
    package_dir={"blanko_desktop.resources": "resources", "blanko_desktop.forms": "forms"},
    package_data={
        "blanko_desktop.resources": ["icons/*", "fonts/*", "translations/*.qm", "guide/*"],
        "blanko_desktop.forms": ["*.txt", "*.xml", "*.png"],
    },
)
