package org.ferryftp.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.io.InputStream;

/** The desktop application. Until the dual-pane browser lands this shows a placeholder window. */
public class FerryApplication extends Application {

    @Override
    public void start(Stage stage) {
        Label label = new Label("Ferry — the dual-pane browser arrives with the next milestone.\n"
                + "Meanwhile the command line works: java -jar ferry.jar --help");
        label.getStyleClass().add("placeholder");
        StackPane root = new StackPane(label);
        Scene scene = new Scene(root, 900, 560);
        stage.setTitle("Ferry");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream png = FerryApplication.class.getResourceAsStream("/org/ferryftp/icons/ferry-" + size + ".png");
            if (png != null) {
                stage.getIcons().add(new Image(png));
            }
        }
        stage.setScene(scene);
        stage.show();
    }
}
