package com.assethatch.export.projects;

import com.assethatch.common.error.ProjectNotFoundException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether a project is the caller's, for the routes that read nothing else of it (plan parsing names a project but
 * reads only its body). Plain JDBC on the calling worker thread, one short query. The export's own reads check the
 * owner in their snapshot query instead (ExportRepository).
 */
@ApplicationScoped
public class ProjectOwnership {

    private final AgroalDataSource dataSource;

    public ProjectOwnership(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Another owner's project fails exactly like a missing one: 404 "Project not found". */
    public void requireOwned(String ownerId, String projectId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM project WHERE id = ? AND owner_id = ?")) {
            query.setString(1, projectId);
            query.setString(2, ownerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new ProjectNotFoundException();
                }
            }
        }
    }
}
