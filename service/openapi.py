"""Print the OpenAPI document the code generates: `python -m service.openapi > openapi.yaml`."""
import sys

from service import create_app, render_openapi

if __name__ == "__main__":
    sys.stdout.write(render_openapi(create_app()))
