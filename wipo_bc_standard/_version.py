__version__ = "0.1.0"
#: The version of the draft standard this library encodes.
STANDARD_VERSION = "0.1"
