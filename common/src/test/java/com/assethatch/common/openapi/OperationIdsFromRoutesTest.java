package com.assethatch.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

class OperationIdsFromRoutesTest {

    @Test
    void aRouteNamesItsOperationWithItsMethodAndItsNounsSingularBeforeAnId() {
        assertThat(OperationIdsFromRoutes.operationId("GET", "/api/projects")).isEqualTo("getProjects");
        assertThat(OperationIdsFromRoutes.operationId("DELETE", "/api/projects/{id}")).isEqualTo("deleteProject");
        assertThat(OperationIdsFromRoutes.operationId("PATCH", "/api/projects/{id}/qualities"))
                .isEqualTo("patchProjectQualities");
        assertThat(OperationIdsFromRoutes.operationId("GET", "/api/generated-assets/{id}/image"))
                .isEqualTo("getGeneratedAssetImage");
        assertThat(OperationIdsFromRoutes.operationId("GET", "/api/projects/{id}/export/manifest"))
                .isEqualTo("getProjectExportManifest");
        assertThat(OperationIdsFromRoutes.operationId("POST", "/api/plans/parse")).isEqualTo("postPlansParse");
    }

    @Test
    void anExplicitOperationIdIsKeptAndAClashFailsTheBuild() {
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/things/{id}", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().operationId("readThing"))
                        .DELETE(OASFactory.createOperation())));
        new OperationIdsFromRoutes().filterOpenAPI(openAPI);
        PathItem item = openAPI.getPaths().getPathItem("/api/things/{id}");
        assertThat(item.getGET().getOperationId()).isEqualTo("readThing");
        assertThat(item.getDELETE().getOperationId()).isEqualTo("deleteThing");

        openAPI.getPaths().addPathItem("/api/thing/{id}", OASFactory.createPathItem().DELETE(OASFactory.createOperation()));
        assertThatThrownBy(() -> new OperationIdsFromRoutes().filterOpenAPI(openAPI))
                .hasMessageContaining("deleteThing");
    }
}
