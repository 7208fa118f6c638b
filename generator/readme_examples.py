"""The code in a generated package's README: real calls of that package, which a test runs
against a mock server so that the README cannot rot."""

from __future__ import annotations

from generator.client_model import Operation, Package, Parameter

# Example values a mock server accepts for identifiers (FOLIO ids are UUIDs).
_UUID = "5f8a2f4e-1b2c-4d3e-8f90-a1b2c3d4e5f6"


def _value(parameter: Parameter) -> str:
    if parameter.annotation.startswith("Literal["):
        return parameter.annotation[len("Literal[") :].split(",")[0].rstrip("]")
    if parameter.annotation == "int":
        return "10"
    return repr(_UUID) if "id" in parameter.python_name else repr("example")


def _setup(package: Package) -> str:
    server = package.server_variables[0].default if package.server_variables else ""
    base = server if server.startswith("http") else package.server_url
    lines = [f"from {package.name} import Client, errors", "", "client = Client("]
    if package.auth.kind == "folio":
        lines.append(f"    base_url={base!r},")
        lines += [
            '    tenant="diku",',
            '    token="<access token>",  # or username=..., password=...',
        ]
    elif package.auth.kind == "apikey":
        lines.append(
            f'    base_url={package.server_url.replace("{region}", "eu")!r},  # or region="eu"'
        )
        lines.append('    api_key="<your API key>",')
    else:
        lines.append(f"    base_url={base!r},")
        lines += [
            '    client_id="<client id>",',
            '    client_secret="<client secret>",',
            '    username="<user>",',
            '    password="<password>",',
            '    community="<community>",',
        ]
    lines.append(")")
    return "\n".join(lines)


def _simple(operation: Operation) -> bool:
    required = [p for p in operation.other_parameters if p.required]
    return operation.http_method == "GET" and not required and not operation.streamed


def _call(resource: str, operation: Operation, result: str) -> str:
    arguments = ", ".join(_value(p) for p in operation.path_parameters)
    return f"{result} = client.{resource}.{operation.method_name}({arguments})"


def readme_examples(package: Package) -> dict[str, str]:
    examples = {"setup": _setup(package), "call": "", "pagination": "", "waiter": "", "errors": ""}
    simple = [(r, o) for r in package.resources for o in r.operations if _simple(o)]
    if simple:
        resource, operation = simple[0]
        examples["call"] = _call(resource.attribute, operation, "answer") + "\nprint(answer)"
        examples["errors"] = (
            "try:\n    "
            + _call(resource.attribute, operation, "answer")
            + "\nexcept errors.NotFoundError as error:\n"
            "    print(error.status_code, error.body)\n"
            "except errors.APIError as error:  # every other failure\n"
            "    print(error)"
        )
    for resource in package.resources:
        for operation in resource.operations:
            if operation.pagination and not examples["pagination"]:
                arguments = ", ".join(_value(p) for p in operation.path_parameters)
                examples["pagination"] = (
                    f"for item in client.{resource.attribute}.{operation.pagination.method_name}"
                    f"({arguments}{', ' if arguments else ''}page_size=50):\n    print(item)"
                )
        for waiter in resource.waiters:
            if not examples["waiter"]:
                arguments = ", ".join(_value(p) for p in waiter.id_parameters)
                examples["waiter"] = (
                    f"done = client.{resource.attribute}.{waiter.method_name}(\n"
                    f"    {arguments},\n    timeout=600,\n    poll_interval=2,\n"
                    "    on_progress=lambda progress: print(progress.percent),\n)"
                )
    return examples
